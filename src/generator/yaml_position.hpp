// The 1-based position of a yaml-cpp node, shared by every YAML reader (spec, levels, manifests).
#pragma once

#include "generator/diagnostics.hpp"

#include <yaml-cpp/yaml.h>

namespace amgen::generator {

/// A node's position; line 0 when yaml-cpp has none (a node that does not exist in the text).
[[nodiscard]] inline Position position_of(const YAML::Node& node)
{
  const auto mark = node.Mark();
  return mark.line < 0 ? Position{} : Position{mark.line + 1, mark.column + 1};
}

/// The position of a YAML syntax error.
[[nodiscard]] inline Position position_of(const YAML::Mark& mark)
{
  return {mark.line + 1, mark.column + 1};
}

} // namespace amgen::generator
