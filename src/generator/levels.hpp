// The maturity levels and their features, loaded from `templates/levels.yaml`.
#pragma once

#include "generator/diagnostics.hpp"

#include <string>
#include <vector>

namespace amgen::generator {

struct Level
{
  int number = 0;
  std::string name;
  int coverage = 0; ///< The pytest coverage threshold, in percent.
  std::string summary;
};

struct Feature
{
  std::string id;
  int since = 1;
  std::string title;
  std::vector<std::string> modules; ///< Modules the feature needs (e.g. redis for accounts), added from its level.
};

struct LevelsTable
{
  std::vector<Level> levels;     ///< Ordered 1..N.
  std::vector<Feature> features; ///< In file order.

  [[nodiscard]] const Level* find_level(long number) const;
  [[nodiscard]] bool includes(const Feature& feature, int level) const { return level >= feature.since; }
  [[nodiscard]] bool has_feature(const std::string& id) const;
};

/// Parses levels.yaml text; problems go to `diagnostics` with positions.
[[nodiscard]] LevelsTable parse_levels(const std::string& file, const std::string& text, Diagnostics& diagnostics);

} // namespace amgen::generator
