// Requirement id checks of the intake.
#include "workflow/requirement_ids.hpp"

#include <doctest/doctest.h>

namespace amgen::workflow {
namespace {

using nlohmann::json;

json requirements(std::initializer_list<std::pair<const char*, const char*>> items)
{
  json out = json::array();
  for (const auto& [id, kind] : items) {
    out.push_back({{"id", id}, {"kind", kind}});
  }
  return out;
}

} // namespace

TEST_SUITE("workflow::requirement_ids")
{
  TEST_CASE("workflow: ids numbered per kind from 001 are valid")
  {
    CHECK(requirement_id_errors(requirements({{"FR-001", "FR"}, {"NF-001", "NF"}, {"FR-002", "FR"}, {"UI-001", "UI"}}))
            .empty());
  }

  TEST_CASE("workflow: every bad id is reported with what was expected")
  {
    const auto errors = requirement_id_errors(
      requirements({{"FR-1", "FR"}, {"FR-001", "FR"}, {"FR-001", "FR"}, {"FR-003", "FR"}, {"NF-001", "FR"}}));
    CHECK(errors
          == std::vector<std::string>{
            "requirement 1: id 'FR-1' must look like FR-001, UI-001 or NF-001",
            "duplicate requirement id 'FR-001'",
            "requirement 'FR-003': expected 'FR-002' (each kind is numbered 001, 002, ... in order)",
            "requirement 'NF-001': kind 'FR' does not match its id (expected 'NF')",
          });
  }

  TEST_CASE("workflow: an intake without a functional requirement is refused")
  {
    CHECK(requirement_id_errors(requirements({{"NF-001", "NF"}}))
          == std::vector<std::string>{"no functional requirement: at least FR-001 is needed"});
  }

  TEST_CASE("workflow: ids of one kind are listed in order")
  {
    CHECK(requirement_ids_of_kind(requirements({{"FR-001", "FR"}, {"NF-001", "NF"}, {"FR-002", "FR"}}), "FR")
          == std::vector<std::string>{"FR-001", "FR-002"});
  }
}

} // namespace amgen::workflow
