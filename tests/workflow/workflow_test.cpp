// The workflow end to end over a scripted Chat and Console, in a real temporary directory.
#include "support/temp_dir.hpp"
#include "workflow/state.hpp"
#include "workflow/workflow_fixtures.hpp"

#include <doctest/doctest.h>

namespace amgen::test {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

std::string stage_status(const json& state, int stage)
{
  return state.at("stages").at(stage).at("status").get<std::string>();
}

} // namespace

TEST_SUITE("workflow::run")
{
  TEST_CASE("workflow: a complete run writes the project, the artifacts and the state")
  {
    WorkflowHarness harness;
    harness.script_happy_path();
    const auto outcome = harness.run();
    CHECK(outcome.status == ExitStatus::ok);
    CHECK(outcome.summary.at("status") == "done");
    const auto out = harness.out();
    CHECK(fs::exists(out / "amgen.yaml"));
    CHECK(fs::exists(out / "artifacts/requirements/intake.md"));
    CHECK(fs::exists(out / "artifacts/plans/implementation-plan.md"));
    CHECK(fs::exists(out / "services/healthcare_clinic_api/src/main.py"));
    CHECK(read_file(out / "services/healthcare_reminders_worker/src/application/rules/remind_patient.py")
          == "# Implements: FR-001\nRULE = 1\n");
    const auto state = harness.state();
    for (int stage = 0; stage < 7; ++stage) {
      CHECK(stage_status(state, stage) == "done");
    }
    CHECK(state.at("stages").at(2).at("tokens") == json{{"input", 100}, {"output", 50}});
  }

  TEST_CASE("workflow: the QA report holds the checks and the tokens per stage")
  {
    WorkflowHarness harness;
    harness.script_happy_path();
    REQUIRE(harness.run().status == ExitStatus::ok);
    const auto report = read_file(harness.out() / "artifacts/reports/qa-report.md");
    CHECK(report.find("Status: **Ready**") != std::string::npos);
    CHECK(report.find("| verify_command | ✅ pass | 'true' exited with 0 |") != std::string::npos);
    CHECK(report.find("| requirement_coverage | ✅ pass |") != std::string::npos);
    CHECK(report.find("| no_markers | ✅ pass |") != std::string::npos);
    CHECK(report.find("| 2 intake | done | 1 | 100 | 50 | 0.0002 |") != std::string::npos);
    CHECK(report.find("| FR-001 | Patients register | ✅ done |") != std::string::npos);
    CHECK(report.find("Level 2 (Development, coverage gate 75%) adds:") != std::string::npos);
  }
}

} // namespace amgen::test
