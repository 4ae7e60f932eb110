// The model prompts: mustache templates `templates/prompts/<name>.md.mustache` from the TemplateStore,
// rendered like every other template (standalone lines removed, no HTML escaping).
#pragma once

#include "generator/template_store.hpp"
#include "llm/chat.hpp"

#include <nlohmann/json.hpp>
#include <string>

namespace amgen::workflow {

/// A rendered prompt: the text before the `=== user ===` line is the system part, the rest the user part.
struct Prompt
{
  std::string system;
  std::string user;
};

/// Renders `prompts/<name>.md.mustache` with `data`. Throws amgen::Error naming the template and the
/// position when it is missing or broken.
[[nodiscard]] Prompt render_prompt(const generator::TemplateStore& store, const std::string& name,
                                   const nlohmann::json& data);

/// What a stage asks the model for: the answer's JSON Schema, its name, and the output token limit.
struct StructuredAnswer
{
  nlohmann::json schema;
  std::string schema_name;
  long max_output_tokens = 4096;
};

/// A structured request from `prompts/<name>.md.mustache` rendered with `data`.
[[nodiscard]] llm::Request prompt_request(const generator::TemplateStore& store, const std::string& name,
                                          const nlohmann::json& data, StructuredAnswer answer);

} // namespace amgen::workflow
