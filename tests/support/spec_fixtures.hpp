// Helpers that run the parser and validator on spec text, for tests.
#pragma once

#include "generator/levels.hpp"
#include "generator/spec_parser.hpp"
#include "generator/spec_validator.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>
#include <string>
#include <vector>

namespace doctest {
/// Prints string lists in failure messages, one item a line.
template <>
struct StringMaker<std::vector<std::string>>
{
  static String convert(const std::vector<std::string>& lines)
  {
    std::string out = "[\n";
    for (const auto& line : lines) {
      out += "  " + line + "\n";
    }
    return (out + "]").c_str();
  }
};
} // namespace doctest

namespace amgen::test {

/// The levels table shipped in templates/levels.yaml.
[[nodiscard]] const generator::LevelsTable& shipped_levels();

/// Parses and validates `text` as `spec.yaml` with templates for every service type and module amgen ships;
/// returns every diagnostic formatted without source lines, e.g. `spec.yaml:4:12: error: ...`.
[[nodiscard]] std::vector<std::string> check_spec(const std::string& text);
/// The same, with only `service_types` and `modules` having templates.
[[nodiscard]] std::vector<std::string> check_spec_with(const std::string& text,
                                                       const std::vector<std::string>& service_types,
                                                       const std::vector<std::string>& modules);

/// A minimal valid spec; `extra_entities` is appended under `entities:` (indented by the caller).
[[nodiscard]] std::string minimal_spec(const std::string& extra_entities = {});

} // namespace amgen::test
