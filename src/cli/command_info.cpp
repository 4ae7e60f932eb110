// Introspection commands: `amgen levels`, `amgen schema`, `amgen templates`, all read from the template data.
#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "generator/manifest.hpp"
#include "generator/pipeline.hpp"
#include "generator/spec_schema.hpp"
#include "util/error.hpp"

#include <fmt/format.h>
#include <iostream>
#include <nlohmann/json.hpp>

namespace amgen::cli {
namespace {

generator::LevelsTable levels_or_throw(const generator::TemplateStore& store)
{
  generator::Diagnostics diagnostics;
  auto levels = generator::load_levels(store, diagnostics);
  if (diagnostics.has_errors()) {
    print_diagnostics(diagnostics, {}, {});
    throw Error("levels.yaml is invalid");
  }
  return levels;
}

} // namespace

ExitStatus run_levels(const GlobalOptions& global)
{
  const auto levels = levels_or_throw(template_store(global));
  if (global.json) {
    nlohmann::ordered_json out;
    for (const auto& level : levels.levels) {
      auto& entry = out["levels"].emplace_back();
      entry = {{"level", level.number}, {"name", level.name}, {"coverage", level.coverage}, {"summary", level.summary}};
      entry["features"] = nlohmann::ordered_json::array();
      for (const auto& feature : levels.features) {
        if (levels.includes(feature, level.number)) {
          entry["features"].push_back(feature.id);
        }
      }
    }
    for (const auto& feature : levels.features) {
      out["features"].push_back({{"id", feature.id}, {"since", feature.since}, {"title", feature.title}});
    }
    std::cout << out.dump(2) << "\n";
    return ExitStatus::ok;
  }
  std::string header = fmt::format("{:<20}", "feature");
  for (const auto& level : levels.levels) {
    header += fmt::format(" L{:<3}", level.number);
  }
  std::cout << header << " description\n";
  for (const auto& feature : levels.features) {
    std::string row = fmt::format("{:<20}", feature.id);
    for (const auto& level : levels.levels) {
      row += fmt::format(" {:<4}", levels.includes(feature, level.number) ? "x" : "-");
    }
    std::cout << row << " " << feature.title << "\n";
  }
  std::string coverage = fmt::format("{:<20}", "coverage gate");
  for (const auto& level : levels.levels) {
    coverage += fmt::format(" {:<4}", fmt::format("{}%", level.coverage));
  }
  std::cout << coverage << "\n\n";
  for (const auto& level : levels.levels) {
    std::cout << fmt::format("L{} {:<15} {}\n", level.number, level.name, level.summary);
  }
  return ExitStatus::ok;
}

ExitStatus run_schema(const GlobalOptions& global)
{
  const auto levels = levels_or_throw(template_store(global));
  std::cout << generator::spec_json_schema(levels).dump(2) << "\n";
  return ExitStatus::ok;
}

namespace {

const char* repeat_name(generator::Repeat repeat)
{
  switch (repeat) {
  case generator::Repeat::per_entity: return "entity";
  case generator::Repeat::per_event: return "event";
  case generator::Repeat::per_job: return "job";
  case generator::Repeat::per_command: return "command";
  case generator::Repeat::once: break;
  }
  return "once";
}

} // namespace

ExitStatus run_templates(const GlobalOptions& global)
{
  const auto store = template_store(global);
  const auto levels = levels_or_throw(store);
  generator::Diagnostics diagnostics;
  nlohmann::ordered_json out;
  for (const auto& folder : store.manifest_folders()) {
    const auto manifest = generator::load_manifest(store, folder, levels, diagnostics);
    auto& files = out[folder] = nlohmann::ordered_json::array();
    for (const auto& entry : manifest.entries) {
      files.push_back({{"path", entry.output_path},
                       {"feature", entry.feature},
                       {"modules", entry.modules},
                       {"repeat", repeat_name(entry.repeat)},
                       {"owner", generator::owner_name(entry.owner)}});
    }
  }
  if (diagnostics.has_errors()) {
    print_diagnostics(diagnostics, {}, {});
    return ExitStatus::user_error;
  }
  if (global.json) {
    std::cout << out.dump(2) << "\n";
    return ExitStatus::ok;
  }
  for (const auto& [folder, files] : out.items()) {
    std::cout << folder << "/\n";
    for (const auto& file : files) {
      const auto feature = file["feature"].get<std::string>();
      const auto modules = file["modules"].get<std::vector<std::string>>();
      const auto repeat = file["repeat"].get<std::string>();
      std::cout << fmt::format("  {}{}{}{}\n", file["path"].get<std::string>(),
                               feature.empty() ? "" : fmt::format("  [{}]", feature),
                               modules.empty() ? "" : fmt::format("  [module: {}]", fmt::join(modules, ", ")),
                               repeat == "once" ? "" : fmt::format("  (per {})", repeat));
    }
  }
  return ExitStatus::ok;
}

} // namespace amgen::cli
