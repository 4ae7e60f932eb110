// Scripted model results for the workflow tests (one valid result per stage) and a harness that runs
// the workflow in a temporary directory with a scripted Chat and Console.
#pragma once

#include "generator/template_store.hpp"
#include "support/temp_dir.hpp"
#include "workflow/scripted_chat.hpp"
#include "workflow/workflow.hpp"

#include <nlohmann/json.hpp>
#include <string>

namespace amgen::test {

/// Stage 1: every field present, or `missing_field` rated missing with a question.
[[nodiscard]] nlohmann::json idea_fields(const std::string& missing_field = {});
/// Stage 2: FR-001, FR-002 and NF-001.
[[nodiscard]] nlohmann::json intake_result();
/// Stage 3: a valid spec (api, data_postgres, a worker with one job) tracing FR-001 and FR-002.
[[nodiscard]] nlohmann::json plan_result();
/// Stage 4: a responder writing `content` to the file its request names.
[[nodiscard]] ScriptedChat::Responder rule_writer(const std::string& content);

struct WorkflowHarness
{
  TempDir dir;
  ScriptedChat chat;
  ScriptedConsole console;
  workflow::Options options;
  workflow::Pricing pricing{1.0, 2.0};
  generator::TemplateStore store = generator::TemplateStore::embedded();

  WorkflowHarness();
  /// Scripts stages 1 to 3 with valid results and stage 4 with `rule_writer`.
  void script_happy_path();
  [[nodiscard]] workflow::Outcome run();
  [[nodiscard]] std::filesystem::path out() const;
  [[nodiscard]] nlohmann::json state() const;
};

} // namespace amgen::test
