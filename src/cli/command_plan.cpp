// `amgen plan SPEC`: what `amgen new` would produce for a spec, without writing: the level's features
// included and excluded (with the level that adds each), the modules and why, and every file with its owner.
#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "generator/pipeline.hpp"

#include <amgen_version.hpp>
#include <fmt/format.h>
#include <iostream>
#include <nlohmann/json.hpp>

namespace amgen::cli {
namespace {

using nlohmann::ordered_json;

ordered_json plan_json(const ordered_json& view_model, const generator::LevelsTable& levels,
                       const std::vector<generator::RenderedFile>& files)
{
  const int level = view_model.at("level").get<int>();
  const auto* level_info = levels.find_level(level);
  ordered_json out{{"project", view_model.at("project_name")},
                   {"level", level},
                   {"level_name", level_info ? level_info->name : ""},
                   {"coverage", level_info ? level_info->coverage : 0}};
  // Built apart and assigned at the end: an ordered_json object's members move when a key is added.
  auto included = ordered_json::array();
  auto excluded = ordered_json::array();
  for (const auto& feature : levels.features) {
    if (levels.includes(feature, level)) {
      included.push_back({{"id", feature.id}, {"title", feature.title}});
    } else {
      excluded.push_back({{"id", feature.id}, {"since", feature.since}, {"title", feature.title}});
    }
  }
  auto modules = ordered_json::array();
  for (const auto& module : view_model.at("modules")) {
    modules.push_back({{"name", module.at("module_name")}, {"reason", module.at("module_reason")}});
  }
  auto listed = ordered_json::array();
  for (const auto& file : files) {
    listed.push_back({{"path", file.path}, {"owner", generator::owner_name(file.owner)}});
  }
  out["features"] = {{"included", included}, {"excluded", excluded}};
  out["modules"] = modules;
  out["files"] = listed;
  return out;
}

void print_text(const ordered_json& plan)
{
  std::cout << fmt::format("{}: level {} ({}), coverage gate {}%\n", plan["project"].get<std::string>(),
                           plan["level"].get<int>(), plan["level_name"].get<std::string>(),
                           plan["coverage"].get<int>());
  std::cout << "\nfeatures included:\n";
  for (const auto& feature : plan["features"]["included"]) {
    std::cout << fmt::format("  + {:<20} {}\n", feature["id"].get<std::string>(), feature["title"].get<std::string>());
  }
  std::cout << "\nfeatures excluded:\n";
  for (const auto& feature : plan["features"]["excluded"]) {
    std::cout << fmt::format("  - {:<20} from level {}: {}\n", feature["id"].get<std::string>(),
                             feature["since"].get<int>(), feature["title"].get<std::string>());
  }
  std::cout << "\nmodules:" << (plan["modules"].empty() ? " none\n" : "\n");
  for (const auto& module : plan["modules"]) {
    std::cout << fmt::format("  {:<10} {}\n", module["name"].get<std::string>(), module["reason"].get<std::string>());
  }
  std::cout << fmt::format("\nfiles ({}):\n", plan["files"].size());
  for (const auto& file : plan["files"]) {
    const auto owner = file["owner"].get<std::string>();
    std::cout << fmt::format("  {}{}\n", file["path"].get<std::string>(),
                             owner == "template" ? "" : fmt::format("  ({}-owned)", owner));
  }
}

} // namespace

ExitStatus run_plan(const GlobalOptions& global, const SpecOptions& options)
{
  const generator::ProjectRequest request{options.spec_file, read_text_file(options.spec_file), std::nullopt,
                                          options.level};
  const auto store = template_store(global);
  const auto result = generator::generate_project(request, store, k_version);
  if (result.diagnostics.has_errors() || !global.quiet) {
    print_diagnostics(result.diagnostics, request.spec_file, request.spec_text);
  }
  if (result.diagnostics.has_errors() || !result.view_model) {
    return ExitStatus::user_error;
  }
  generator::Diagnostics level_diagnostics;
  const auto levels = generator::load_levels(store, level_diagnostics);
  const auto plan = plan_json(*result.view_model, levels, result.files);
  if (global.json) {
    std::cout << plan.dump(2) << "\n";
  } else {
    print_text(plan);
  }
  return ExitStatus::ok;
}

} // namespace amgen::cli
