// Stages 2 and 3 over the scripted Chat: id checks and spec diagnostics fed back, and the approval gate.
#include "support/temp_dir.hpp"
#include "workflow/workflow_fixtures.hpp"

#include <doctest/doctest.h>

namespace amgen::test {
namespace {

using nlohmann::json;

std::string last_user_message(const llm::Request& request)
{
  return request.messages.back().content;
}

} // namespace

TEST_SUITE("workflow::plan")
{
  TEST_CASE("workflow: intake ids out of sequence are sent back and the corrected intake is used")
  {
    WorkflowHarness harness;
    harness.options.until_stage = 2;
    harness.chat.script("1-validate", idea_fields());
    auto wrong = intake_result();
    wrong["requirements"][1]["id"] = "FR-003";
    harness.chat.script("2-intake", wrong);
    harness.chat.script("2-intake", intake_result());
    CHECK(harness.run().status == ExitStatus::ok);
    // complete_checked resends the request with the errors appended: the second call carries them.
    const auto retries = harness.chat.requests("2-intake");
    REQUIRE(retries.size() == 2);
    CHECK(last_user_message(retries[1])
          == "Your previous answer has these errors:\n- requirement 'FR-003': expected 'FR-002' (each kind is "
             "numbered 001, 002, ... in order)\nAnswer again with the complete, corrected result.");
    const auto intake = read_file(harness.out() / "artifacts/requirements/intake.md");
    CHECK(intake.find("| FR-002 | FR | Patients book appointments | Must |") != std::string::npos);
  }

  TEST_CASE("workflow: spec errors go back to the model as amgen.yaml:line:col and the fixed spec is written")
  {
    WorkflowHarness harness;
    harness.options.until_stage = 3;
    harness.chat.script("1-validate", idea_fields());
    harness.chat.script("2-intake", intake_result());
    auto wrong = plan_result();
    wrong["spec"]["entities"]["Appointment"]["relations"]["patient"]["to"] = "Doctor";
    harness.chat.script("3-plan", wrong);
    harness.chat.script("3-plan", plan_result());
    CHECK(harness.run().status == ExitStatus::ok);
    const auto retries = harness.chat.requests("3-plan");
    REQUIRE(retries.size() == 2);
    const auto feedback = last_user_message(retries[1]);
    CHECK(feedback.find("- amgen.yaml:") != std::string::npos);
    CHECK(feedback.find(": error: ") != std::string::npos);
    CHECK(feedback.find("'Doctor'") != std::string::npos);
    const auto yaml = read_file(harness.out() / "amgen.yaml");
    CHECK(yaml.find("to: \"Patient\"") != std::string::npos);
    CHECK(yaml.find("Doctor") == std::string::npos);
  }

  TEST_CASE("workflow: a plan that leaves a functional requirement untraced is sent back")
  {
    WorkflowHarness harness;
    harness.options.until_stage = 3;
    harness.chat.script("1-validate", idea_fields());
    harness.chat.script("2-intake", intake_result());
    auto wrong = plan_result();
    wrong["spec"]["requirements"].erase(1);
    harness.chat.script("3-plan", wrong);
    harness.chat.script("3-plan", plan_result());
    CHECK(harness.run().status == ExitStatus::ok);
    CHECK(last_user_message(harness.chat.requests("3-plan").at(1)).find(
            "- requirement 'FR-002' is missing from spec.requirements or has no implemented_by\n")
          != std::string::npos);
  }

  TEST_CASE("workflow: without --yes the plan waits for approval with exit 7; --resume --yes goes on")
  {
    WorkflowHarness harness;
    harness.options.yes = false;
    harness.script_happy_path();
    const auto waiting = harness.run();
    CHECK(waiting.status == ExitStatus::approval_needed);
    const auto plan = (harness.out() / "artifacts/plans/implementation-plan.md").string();
    CHECK(waiting.summary.at("message") == "plan written to " + plan + "; re-run with --resume --yes");
    CHECK_FALSE(std::filesystem::exists(harness.out() / "services"));
    CHECK(harness.state().at("stages").at(3).at("status") == "done");

    harness.options.yes = true;
    harness.options.resume = true;
    const auto calls = harness.chat.call_count();
    CHECK(harness.run().status == ExitStatus::ok);
    CHECK(harness.chat.requests("3-plan").size() == 1);
    CHECK(harness.chat.call_count() == calls + 6);
  }

  TEST_CASE("workflow: on a TTY a declined plan waits too")
  {
    WorkflowHarness harness;
    harness.options.yes = false;
    harness.console.tty = true;
    harness.script_happy_path();
    CHECK(harness.run().status == ExitStatus::approval_needed);
    REQUIRE(harness.console.questions.size() == 1);
    CHECK(harness.console.questions[0].starts_with("Plan written to "));
  }
}

} // namespace amgen::test
