// Prompt rendering: kainjow mustache over JSON data, with the generator's standalone-line handling.
#include "workflow/prompts.hpp"

#include "generator/renderer.hpp"
#include "generator/standalone_tags.hpp"
#include "util/error.hpp"

#include <fmt/format.h>
#include <kainjow/mustache.hpp>

namespace amgen::workflow {
namespace {

namespace mustache = kainjow::mustache;
constexpr std::string_view k_user_marker = "=== user ===\n";

mustache::data to_mustache(const nlohmann::json& value)
{
  switch (value.type()) {
  case nlohmann::json::value_t::object: {
    mustache::data out{mustache::data::type::object};
    for (const auto& [key, item] : value.items()) {
      out.set(key, to_mustache(item));
    }
    return out;
  }
  case nlohmann::json::value_t::array: {
    mustache::data out{mustache::data::type::list};
    for (const auto& item : value) {
      out.push_back(to_mustache(item));
    }
    return out;
  }
  case nlohmann::json::value_t::boolean: return mustache::data{value.get<bool>()};
  case nlohmann::json::value_t::string: return mustache::data{value.get<std::string>()};
  case nlohmann::json::value_t::null: return mustache::data{std::string{}};
  default: return mustache::data{value.dump()};
  }
}

std::string trimmed(std::string text)
{
  const auto begin = text.find_first_not_of("\n ");
  const auto end = text.find_last_not_of("\n ");
  return begin == std::string::npos ? std::string{} : text.substr(begin, end - begin + 1) + "\n";
}

} // namespace

Prompt render_prompt(const generator::TemplateStore& store, const std::string& name, const nlohmann::json& data)
{
  const auto path = fmt::format("prompts/{}.md.mustache", name);
  const auto* text = store.find(path);
  if (!text) {
    throw Error(fmt::format("{}: missing prompt template", store.display_name(path)));
  }
  const auto stripped = generator::strip_standalone_tags(*text);
  mustache::mustache view(stripped.text);
  view.set_custom_escape([](const std::string& s) { return s; });
  if (!view.is_valid()) {
    const auto at = generator::position_from_mustache_error(view.error_message(), *text, stripped.source_offset);
    throw Error(fmt::format("{}:{}:{}: template error: {}", store.display_name(path), at.line, at.column,
                            view.error_message()));
  }
  auto rendered = view.render(to_mustache(data));
  generator::remove_standalone_markers(rendered);
  const auto marker = rendered.find(k_user_marker);
  if (marker == std::string::npos) {
    throw Error(fmt::format("{}: the prompt has no '=== user ===' line", store.display_name(path)));
  }
  return {trimmed(rendered.substr(0, marker)), trimmed(rendered.substr(marker + k_user_marker.size()))};
}

llm::Request prompt_request(const generator::TemplateStore& store, const std::string& name, const nlohmann::json& data,
                            StructuredAnswer answer)
{
  const auto prompt = render_prompt(store, name, data);
  llm::Request request;
  request.system = prompt.system;
  request.messages = {{"user", prompt.user}};
  request.schema = std::move(answer.schema);
  request.schema_name = std::move(answer.schema_name);
  request.max_output_tokens = answer.max_output_tokens;
  return request;
}

} // namespace amgen::workflow
