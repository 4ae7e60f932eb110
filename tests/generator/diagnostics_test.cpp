// Tests of generator/diagnostics: ordering, formatting and suggestions.
#include "generator/diagnostics.hpp"

#include <doctest/doctest.h>

using namespace amgen::generator;

TEST_SUITE("generator::diagnostics")
{
  TEST_CASE("diagnostics come out sorted by file, line and column")
  {
    Diagnostics diagnostics;
    diagnostics.error("b.yaml", {1, 1}, "third");
    diagnostics.error("a.yaml", {5, 2}, "second");
    diagnostics.warning("a.yaml", {5, 1}, "first");
    const auto sorted = diagnostics.sorted();
    REQUIRE(sorted.size() == 3);
    CHECK(sorted[0].message == "first");
    CHECK(sorted[1].message == "second");
    CHECK(sorted[2].message == "third");
    CHECK(diagnostics.error_count() == 2);
  }

  TEST_CASE("a whole-file diagnostic has no line and column")
  {
    CHECK(format_diagnostic({"levels.yaml", {}, Severity::error, "missing levels.yaml", {}}, "") ==
          "levels.yaml: error: missing levels.yaml\n");
  }

  TEST_CASE("the closest candidate is suggested only when it is close")
  {
    CHECK(closest_match("integer", {"int", "string", "text"}) == "int");
    CHECK(closest_match("descripton", {"name", "context", "description"}) == "description");
    CHECK(closest_match("zzzzzz", {"int", "string"}).empty());
  }
}
