// levels.yaml loader: the levels in order, each feature with the level it starts at.
#include "generator/levels.hpp"

#include "generator/modules.hpp"
#include "generator/names.hpp"

#include "generator/yaml_position.hpp"

#include <fmt/format.h>
#include <set>

namespace amgen::generator {

const Level* LevelsTable::find_level(long number) const
{
  for (const auto& level : levels) {
    if (level.number == number) {
      return &level;
    }
  }
  return nullptr;
}

bool LevelsTable::has_feature(const std::string& id) const
{
  for (const auto& feature : features) {
    if (feature.id == id) {
      return true;
    }
  }
  return false;
}

namespace {


template <typename T>
bool read(const YAML::Node& map, const char* key, T& out, const std::string& file, Diagnostics& diagnostics)
{
  const auto node = map[key];
  if (!node || !node.IsScalar()) {
    diagnostics.error(file, position_of(map), fmt::format("missing or non-scalar '{}'", key));
    return false;
  }
  try {
    out = node.as<T>();
  } catch (const YAML::Exception&) {
    diagnostics.error(file, position_of(node), fmt::format("'{}' has the wrong type", key));
    return false;
  }
  return true;
}

/// The optional `modules:` list of a feature: names from the module catalogue.
void read_feature_modules(const YAML::Node& node, Feature& feature, const std::string& file, Diagnostics& diagnostics)
{
  const auto list = node["modules"];
  if (!list) {
    return;
  }
  if (!list.IsSequence()) {
    diagnostics.error(file, position_of(list), fmt::format("feature '{}': 'modules' must be a list", feature.id));
    return;
  }
  for (const auto& item : list) {
    if (!item.IsScalar() || find_module(item.Scalar()) == nullptr) {
      diagnostics.error(file, position_of(item),
                        fmt::format("feature '{}' needs unknown module '{}'", feature.id,
                                    item.IsScalar() ? item.Scalar() : std::string{"?"}));
      continue;
    }
    feature.modules.push_back(item.Scalar());
  }
}

} // namespace

LevelsTable parse_levels(const std::string& file, const std::string& text, Diagnostics& diagnostics)
{
  LevelsTable table;
  YAML::Node root;
  try {
    root = YAML::Load(text);
  } catch (const YAML::ParserException& e) {
    diagnostics.error(file, position_of(e.mark), fmt::format("invalid YAML: {}", e.msg));
    return table;
  }
  if (!root.IsMap() || !root["levels"].IsSequence() || !root["features"].IsSequence()) {
    diagnostics.error(file, position_of(root), "expected a mapping with the lists 'levels' and 'features'");
    return table;
  }
  for (const auto& node : root["levels"]) {
    Level level;
    const bool ok = read(node, "level", level.number, file, diagnostics)
                    && read(node, "name", level.name, file, diagnostics)
                    && read(node, "coverage", level.coverage, file, diagnostics)
                    && read(node, "summary", level.summary, file, diagnostics);
    if (ok && level.number != static_cast<int>(table.levels.size()) + 1) {
      diagnostics.error(file, position_of(node),
                        fmt::format("level {} is out of order; levels must be numbered 1, 2, 3, ...", level.number));
    }
    table.levels.push_back(level);
  }
  std::set<std::string> seen;
  for (const auto& node : root["features"]) {
    Feature feature;
    if (!(read(node, "id", feature.id, file, diagnostics) && read(node, "since", feature.since, file, diagnostics)
          && read(node, "title", feature.title, file, diagnostics))) {
      continue;
    }
    if (!is_snake_case(feature.id)) {
      diagnostics.error(file, position_of(node["id"]), fmt::format("feature id '{}' must be snake_case", feature.id));
    }
    if (!seen.insert(feature.id).second) {
      diagnostics.error(file, position_of(node["id"]), fmt::format("duplicate feature '{}'", feature.id));
    }
    if (feature.since < 1 || feature.since > static_cast<int>(table.levels.size())) {
      diagnostics.error(file, position_of(node["since"]),
                        fmt::format("feature '{}' starts at level {}, which does not exist", feature.id, feature.since));
    }
    read_feature_modules(node, feature, file, diagnostics);
    table.features.push_back(feature);
  }
  return table;
}

} // namespace amgen::generator
