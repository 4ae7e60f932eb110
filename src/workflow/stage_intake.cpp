// Stage 2: requirements intake; ids checked (format, per-kind sequence, unique) and fed back when wrong.
#include "workflow/artifacts.hpp"
#include "workflow/prompts.hpp"
#include "workflow/requirement_ids.hpp"
#include "workflow/stages.hpp"
#include "workflow/text_files.hpp"

namespace amgen::workflow {
namespace {

using nlohmann::json;

json string_list()
{
  return {{"type", "array"}, {"items", {{"type", "string"}}}};
}

json response_schema()
{
  const json requirement = {
    {"type", "object"},
    {"additionalProperties", false},
    {"required", {"id", "kind", "title", "priority", "description", "acceptance"}},
    {"properties",
     {{"id", {{"type", "string"}}},
      {"kind", {{"enum", {"FR", "UI", "NF"}}}},
      {"title", {{"type", "string"}}},
      {"priority", {{"enum", {"Must", "Should", "Could"}}}},
      {"description", {{"type", "string"}}},
      {"acceptance", {{"type", "string"}}}}}};
  return {{"type", "object"},
          {"additionalProperties", false},
          {"required", {"level", "requirements", "personas", "out_of_scope", "risks"}},
          {"properties",
           {{"level", {{"type", "integer"}, {"minimum", 1}, {"maximum", 4}}},
            {"requirements", {{"type", "array"}, {"minItems", 1}, {"items", requirement}}},
            {"personas", string_list()},
            {"out_of_scope", string_list()},
            {"risks", string_list()}}}};
}

} // namespace

StageResult run_intake_stage(StageContext& context)
{
  const auto idea = clarified_idea(earlier_record(context, 1));
  const json data = {{"idea", idea}, {"levels", earlier_record(context, 0).at("levels")}};
  auto request = prompt_request(context.store, "2-intake", data, {response_schema(), "intake", 4096});
  const auto response = call_model(context, 2, std::move(request), [](const json& result) {
    return requirement_id_errors(result.at("requirements"));
  });
  save_stage_record(context.out, 2, {{"inputs", {{"idea", idea}}}, {"intake", response.structured}});
  write_text_file_atomically(context.out / "artifacts" / "requirements" / "intake.md",
                             intake_markdown(idea, response.structured));
  return {};
}

} // namespace amgen::workflow
