// Answers files in JSON and YAML.
#include "util/error.hpp"
#include "workflow/answers.hpp"

#include <doctest/doctest.h>

namespace amgen::workflow {

TEST_SUITE("workflow::answers")
{
  TEST_CASE("workflow: JSON, YAML and plain mappings give the same answers")
  {
    const std::map<std::string, std::string> expected{{"level", "2"}, {"scope", "no billing"}};
    CHECK(parse_answers("a.json", R"({"answers": {"level": "2", "scope": "no billing"}})") == expected);
    CHECK(parse_answers("a.yaml", "answers:\n  level: 2\n  scope: no billing\n") == expected);
    CHECK(parse_answers("a.yaml", "level: 2\nscope: no billing\n") == expected);
  }

  TEST_CASE("workflow: a non-text answer names the file and position")
  {
    CHECK_THROWS_WITH_AS(parse_answers("a.yaml", "answers:\n  level: [1, 2]\n"),
                         "a.yaml:2:10: the answer to 'level' must be text", amgen::Error);
    CHECK_THROWS_WITH_AS(parse_answers("a.json", "[1]"),
                         "a.json: expected {\"answers\": {\"<question id>\": \"text\"}}", amgen::Error);
  }
}

} // namespace amgen::workflow
