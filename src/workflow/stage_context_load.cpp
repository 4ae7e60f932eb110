// Stage 0: loads what later prompts need from the templates (levels, naming rules, the spec schema).
#include "generator/naming_rules.hpp"
#include "generator/pipeline.hpp"
#include "generator/spec_schema.hpp"
#include "util/error.hpp"
#include "workflow/allowed_paths.hpp"
#include "workflow/stages.hpp"

#include <fmt/format.h>

namespace amgen::workflow {
namespace {

nlohmann::json levels_matrix(const generator::LevelsTable& levels)
{
  nlohmann::json out = nlohmann::json::array();
  for (const auto& level : levels.levels) {
    nlohmann::json added = nlohmann::json::array();
    for (const auto& feature : levels.features) {
      if (feature.since == level.number) {
        added.push_back(feature.title);
      }
    }
    out.push_back({{"level", level.number},
                   {"level_name", level.name},
                   {"coverage", level.coverage},
                   {"level_summary", level.summary},
                   {"adds", added}});
  }
  return out;
}

std::vector<std::string> naming_rules()
{
  return {
    "project name, context, domain, function, fields, jobs, commands: snake_case",
    "entities and events: PascalCase; requirement ids FR-001, UI-001, NF-001",
    "a service is named <context>_<domain>[_<function>]_<type>; add a function part only for an ambiguous domain",
    fmt::format("context: one of the registry's active contexts ({})", generator::naming_rules::active_contexts()),
    "services reach data only over HTTP through their data service; workers and bots only through the business API",
  };
}

} // namespace

StageResult run_context_stage(StageContext& context)
{
  generator::Diagnostics diagnostics;
  const auto levels = generator::load_levels(context.store, diagnostics);
  if (diagnostics.has_errors()) {
    const auto first = diagnostics.sorted().front();
    throw Error(generator::format_diagnostic(first, {}));
  }
  nlohmann::json record = {{"levels", levels_matrix(levels)},
                           {"naming_rules", naming_rules()},
                           {"spec_schema", generator::spec_json_schema(levels)},
                           {"model_path_patterns", model_path_patterns()}};
  save_stage_record(context.out, 0, record);
  return {};
}

} // namespace amgen::workflow
