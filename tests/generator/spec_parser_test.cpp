// Tests of generator/spec_parser: structural errors with exact positions.
#include "support/spec_fixtures.hpp"

#include <doctest/doctest.h>

using amgen::test::check_spec;
using amgen::test::minimal_spec;
using Lines = std::vector<std::string>;

TEST_SUITE("generator::spec_parser")
{
  TEST_CASE("a valid minimal spec gives no diagnostics")
  {
    CHECK(check_spec(minimal_spec()) == Lines{});
  }

  TEST_CASE("invalid YAML is reported with its line and column")
  {
    CHECK(check_spec("amgen: 1\nproject: {name: x\n") ==
          Lines{"spec.yaml:3:1: error: invalid YAML: end of map flow not found"});
  }

  TEST_CASE("an unknown key names the key and its position")
  {
    auto text = minimal_spec();
    text.replace(text.find("project: {name"), 8, "projekt:");
    const auto lines = check_spec(text);
    REQUIRE(!lines.empty());
    CHECK(lines[0] == "spec.yaml:1:1: error: missing required key 'project'");
    CHECK(lines[1] == "spec.yaml:2:1: error: unknown key 'projekt' in the spec");
  }

  TEST_CASE("a wrong type names what was expected")
  {
    CHECK(check_spec(minimal_spec() + "requirements: {id: FR-001}\n") ==
          Lines{"spec.yaml:10:15: error: 'requirements' must be a list, found a mapping"});
  }

  TEST_CASE("a level that is not an integer is reported at the value")
  {
    CHECK(check_spec(minimal_spec() + "level: high\n") ==
          Lines{"spec.yaml:10:8: error: 'level' must be an integer, found 'high'",
                "spec.yaml:10:8: error: level 0 does not exist"});
  }

  TEST_CASE("a non-boolean 'required' is reported")
  {
    CHECK(check_spec(minimal_spec("      age: {type: int, required: maybe}\n")) ==
          Lines{"spec.yaml:10:34: error: 'required' must be true or false, found 'maybe'"});
  }
}
