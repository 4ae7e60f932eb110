// Tests of generator/levels: the shipped table and the errors of a broken one.
#include "generator/levels.hpp"
#include "support/spec_fixtures.hpp"

#include <doctest/doctest.h>

using namespace amgen::generator;

TEST_SUITE("generator::levels")
{
  TEST_CASE("the shipped levels have the framework's coverage thresholds")
  {
    const auto& levels = amgen::test::shipped_levels();
    REQUIRE(levels.levels.size() == 4);
    CHECK(levels.levels[0].coverage == 60);
    CHECK(levels.levels[1].coverage == 75);
    CHECK(levels.levels[2].coverage == 80);
    CHECK(levels.levels[3].coverage == 85);
  }

  TEST_CASE("a feature is included from its level upwards")
  {
    const auto& levels = amgen::test::shipped_levels();
    for (const auto& feature : levels.features) {
      if (feature.id == "request_id") {
        CHECK_FALSE(levels.includes(feature, 1));
        CHECK(levels.includes(feature, 2));
        CHECK(levels.includes(feature, 4));
      }
    }
  }

  TEST_CASE("a broken levels table reports every problem")
  {
    Diagnostics diagnostics;
    (void)parse_levels("levels.yaml",
                       "levels:\n"
                       "  - {level: 2, name: B, coverage: 75, summary: s}\n"
                       "features:\n"
                       "  - {id: Bad-Id, since: 1, title: t}\n"
                       "  - {id: dup, since: 9, title: t}\n"
                       "  - {id: dup, since: 1, title: t}\n",
                       diagnostics);
    std::vector<std::string> lines;
    for (const auto& d : diagnostics.sorted()) {
      lines.push_back(std::to_string(d.position.line) + ":" + std::to_string(d.position.column) + ": " + d.message);
    }
    CHECK(lines == std::vector<std::string>{
                     "2:5: level 2 is out of order; levels must be numbered 1, 2, 3, ...",
                     "4:10: feature id 'Bad-Id' must be snake_case",
                     "5:22: feature 'dup' starts at level 9, which does not exist",
                     "6:10: duplicate feature 'dup'",
                   });
  }

  TEST_CASE("a feature may need modules, which must be ones amgen knows")
  {
    Diagnostics diagnostics;
    const auto table = parse_levels("levels.yaml",
                                    "levels:\n"
                                    "  - {level: 1, name: A, coverage: 60, summary: s}\n"
                                    "features:\n"
                                    "  - {id: accounts, since: 1, modules: [redis], title: t}\n"
                                    "  - {id: broken, since: 1, modules: [redis, carrier_pigeon], title: t}\n"
                                    "  - {id: scalar, since: 1, modules: redis, title: t}\n",
                                    diagnostics);
    REQUIRE(table.features.size() == 3);
    CHECK(table.features[0].modules == std::vector<std::string>{"redis"});
    CHECK(table.features[1].modules == std::vector<std::string>{"redis"});
    std::vector<std::string> lines;
    for (const auto& d : diagnostics.sorted()) {
      lines.push_back(std::to_string(d.position.line) + ":" + std::to_string(d.position.column) + ": " + d.message);
    }
    CHECK(lines == std::vector<std::string>{
                     "5:45: feature 'broken' needs unknown module 'carrier_pigeon'",
                     "6:37: feature 'scalar': 'modules' must be a list",
                   });
  }

  TEST_CASE("the shipped accounts and rate limits of level 4 need Redis")
  {
    const auto& levels = amgen::test::shipped_levels();
    for (const auto& feature : levels.features) {
      if (feature.id == "oauth2_jwt" || feature.id == "user_rate_limits") {
        CHECK(feature.modules == std::vector<std::string>{"redis"});
      }
    }
  }
}
