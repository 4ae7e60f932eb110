// Manifest loader: `<folder>/manifest.yaml` → entries, checked against levels.yaml and the store.
#include "generator/manifest.hpp"

#include "generator/modules.hpp"

#include "generator/yaml_position.hpp"

#include <fmt/format.h>

namespace amgen::generator {

std::string owner_name(Owner owner)
{
  switch (owner) {
  case Owner::template_owned: return "template";
  case Owner::user: return "user";
  case Owner::model: return "model";
  }
  return "template";
}

bool is_safe_relative_path(const std::string& path)
{
  if (path.empty() || path.front() == '/' || path.find('\\') != std::string::npos) {
    return false;
  }
  std::size_t start = 0;
  while (start <= path.size()) {
    const auto end = std::min(path.find('/', start), path.size());
    const auto segment = path.substr(start, end - start);
    if (segment.empty() || segment == "." || segment == "..") {
      return false;
    }
    start = end + 1;
  }
  return true;
}

namespace {


const std::vector<std::string> k_entry_keys = {"template", "path", "feature", "module", "repeat", "owner"};
const std::vector<std::pair<std::string, Repeat>> k_repeats = {
  {"entity", Repeat::per_entity}, {"event", Repeat::per_event}, {"job", Repeat::per_job},
  {"command", Repeat::per_command}};

} // namespace

Manifest load_manifest(const TemplateStore& store, const std::string& folder, const LevelsTable& levels,
                       Diagnostics& diagnostics)
{
  Manifest manifest{folder, {}};
  const auto path = folder + "/manifest.yaml";
  const auto file = store.display_name(path);
  const auto* text = store.find(path);
  if (!text) {
    diagnostics.error(file, {}, "missing manifest");
    return manifest;
  }
  YAML::Node root;
  try {
    root = YAML::Load(*text);
  } catch (const YAML::ParserException& e) {
    diagnostics.error(file, position_of(e.mark), fmt::format("invalid YAML: {}", e.msg));
    return manifest;
  }
  if (!root.IsMap() || !root["files"].IsSequence()) {
    diagnostics.error(file, position_of(root), "a manifest must be a mapping with a 'files' list");
    return manifest;
  }
  for (const auto& node : root["files"]) {
    const auto where = position_of(node);
    if (!node.IsMap()) {
      diagnostics.error(file, where, "a manifest entry must be a mapping");
      continue;
    }
    for (auto it = node.begin(); it != node.end(); ++it) {
      const auto key = it->first.Scalar();
      if (std::find(k_entry_keys.begin(), k_entry_keys.end(), key) == k_entry_keys.end()) {
        const auto suggestion = closest_match(key, k_entry_keys);
        diagnostics.error(file, position_of(it->first), fmt::format("unknown key '{}' in a manifest entry", key),
                          suggestion.empty() ? std::string{} : fmt::format("did you mean '{}'?", suggestion));
      }
    }
    if (!node["template"].IsScalar() || !node["path"].IsScalar()) {
      diagnostics.error(file, where, "a manifest entry needs 'template' and 'path'");
      continue;
    }
    ManifestEntry entry;
    entry.position = where;
    entry.template_path = folder + "/" + node["template"].Scalar();
    entry.output_path = node["path"].Scalar();
    if (!is_safe_relative_path(node["template"].Scalar())) {
      diagnostics.error(file, position_of(node["template"]),
                        fmt::format("template path '{}' must stay inside the folder", node["template"].Scalar()));
    } else if (!store.find(entry.template_path)) {
      diagnostics.error(file, position_of(node["template"]),
                        fmt::format("template '{}' does not exist", entry.template_path));
    }
    if (node["feature"]) {
      entry.feature = node["feature"].Scalar();
      if (!levels.has_feature(entry.feature)) {
        diagnostics.error(file, position_of(node["feature"]),
                          fmt::format("feature '{}' is not defined in levels.yaml", entry.feature));
      }
    }
    if (const auto gate = node["module"]) {
      // `module: redis` or `module: [rabbitmq, redis]` (all of them).
      const auto names = gate.IsSequence() ? gate.as<std::vector<std::string>>()
                                           : std::vector<std::string>{gate.Scalar()};
      for (const auto& name : names) {
        if (!find_module(name)) {
          diagnostics.error(file, position_of(gate), fmt::format("unknown module '{}'", name));
        }
      }
      entry.modules = names;
    }
    if (node["repeat"]) {
      const auto repeat = node["repeat"].Scalar();
      const auto it = std::find_if(k_repeats.begin(), k_repeats.end(), [&](const auto& r) { return r.first == repeat; });
      if (it != k_repeats.end()) {
        entry.repeat = it->second;
      } else {
        diagnostics.error(file, position_of(node["repeat"]), fmt::format("unknown repeat '{}'", repeat),
                          "use entity, event, job or command");
      }
    }
    if (node["owner"]) {
      const auto owner = node["owner"].Scalar();
      if (owner == "user") {
        entry.owner = Owner::user;
      } else if (owner == "model") {
        entry.owner = Owner::model;
      } else if (owner != "template") {
        diagnostics.error(file, position_of(node["owner"]), fmt::format("unknown owner '{}'", owner),
                          "use template, user or model");
      }
    }
    manifest.entries.push_back(std::move(entry));
  }
  return manifest;
}

} // namespace amgen::generator
