// Stages 4 and 5 over the scripted Chat: the allow-list, repairs of failing checks, their bounds, and
// resuming and budget stops around them.
#include "support/temp_dir.hpp"
#include "workflow/workflow_fixtures.hpp"

#include <algorithm>
#include <regex>
#include <doctest/doctest.h>

namespace amgen::test {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

const std::string k_rule = "services/healthcare_reminders_worker/src/application/rules/remind_patient.py";
const std::string k_rule_test = "services/healthcare_reminders_worker/tests/unit/rules/test_remind_patient.py";

ScriptedChat::Responder fixed_files(json files)
{
  return [files](const llm::Request&) { return json{{"files", files}}; };
}

void script_until_plan(WorkflowHarness& harness)
{
  harness.chat.script("1-validate", idea_fields());
  harness.chat.script("2-intake", intake_result());
  harness.chat.script("3-plan", plan_result());
}

/// Rewrites every file the repair prompt lists (`### <path>`) with `content`.
ScriptedChat::Responder rewrite_listed_files(const std::string& content)
{
  return [content](const llm::Request& request) {
    static const std::regex k_heading("### (\\S+)\n");
    json files = json::array();
    const auto& text = request.messages.front().content;
    for (auto it = std::sregex_iterator(text.begin(), text.end(), k_heading); it != std::sregex_iterator(); ++it) {
      files.push_back({{"path", (*it)[1].str()}, {"content", content}});
    }
    return json{{"files", files}};
  };
}

} // namespace

TEST_SUITE("workflow::generate")
{
  TEST_CASE("workflow: stage 4 refuses paths outside the project, infrastructure and template-owned files")
  {
    WorkflowHarness harness;
    harness.options.until_stage = 4;
    script_until_plan(harness);
    const auto main_py = "services/healthcare_clinic_api/src/main.py";
    harness.chat.respond("4-generate", fixed_files(json::parse(R"([
      {"path": "../x", "content": "escaped"},
      {"path": "/etc/passwd", "content": "root"},
      {"path": "docker-compose.yml", "content": "services: {}"},
      {"path": "services/healthcare_clinic_api/src/main.py", "content": "broken"},
      {"path": "services/healthcare_clinic_api/src/domain/rules/doctor_rules.py", "content": "new"},
      {"path": "services/healthcare_reminders_worker/src/application/rules/remind_patient.py", "content": "RULE = 2\n"}
    ])")));
    CHECK(harness.run().status == ExitStatus::ok);
    const auto record = json::parse(read_file(harness.out() / ".amgen/workflow/stage-4-generate.json"));
    const auto patterns = "(services/<service>/src/application/rules/*.py, services/<service>/src/domain/rules/*.py, "
                          "services/<service>/tests/unit/rules/test_*.py)";
    const auto& refused = record.at("refused");
    CHECK(refused.at(0).at("reason") == "'../x' has an empty, '.' or '..' segment");
    CHECK(refused.at(1).at("reason") == "'/etc/passwd' is not a relative project path");
    CHECK(refused.at(2).at("reason") == std::string("'docker-compose.yml' is not a business-rule file ") + patterns);
    CHECK(refused.at(3).at("reason") == std::string("'") + main_py + "' is not a business-rule file " + patterns);
    CHECK(refused.at(4).at("reason")
          == "'services/healthcare_clinic_api/src/domain/rules/doctor_rules.py' is not a model-owned file of this "
             "project");
    CHECK_FALSE(fs::exists(harness.dir.path() / "x"));
    CHECK(read_file(harness.out() / "docker-compose.yml").find("services: {}") == std::string::npos);
    CHECK(read_file(harness.out() / main_py) != "broken");
    CHECK_FALSE(fs::exists(harness.out() / "services/healthcare_clinic_api/src/domain/rules/doctor_rules.py"));
    CHECK(read_file(harness.out() / k_rule) == "RULE = 2\n");
  }
}

TEST_SUITE("workflow::verify")
{
  TEST_CASE("workflow: a failing verify command goes back to the model and passes after the repair")
  {
    WorkflowHarness harness;
    harness.script_happy_path();
    harness.options.verify_command = "grep -rqw REPAIRED services || { echo 'rule not repaired'; exit 1; }";
    harness.chat.respond("5-verify",
                         fixed_files({{{"path", k_rule}, {"content", "# Implements: FR-001\nREPAIRED = 1\n"}}}));
    const auto outcome = harness.run();
    CHECK(outcome.status == ExitStatus::ok);
    const auto repairs = harness.chat.requests("5-verify");
    REQUIRE(repairs.size() == 1);
    const auto& prompt = repairs[0].messages.front().content;
    CHECK(prompt.find("## verify_command: 'grep -rqw REPAIRED services || { echo 'rule not repaired'; exit 1; }' "
                      "exited with 1\nrule not repaired\n")
          != std::string::npos);
    CHECK(prompt.find("### " + k_rule + "\n# Implements: FR-001\nRULE = 1\n") != std::string::npos);
    CHECK(harness.state().at("repair_attempts") == 1);
  }

  TEST_CASE("workflow: the model sees the check's output with the project path and durations masked")
  {
    WorkflowHarness harness;
    harness.script_happy_path();
    harness.options.verify_command =
      "grep -rqw REPAIRED services || { echo \"$PWD/services/x.py failed; 1 failed in 2.57s\"; "
      "echo '2026-11-22 06:49:13,315 <Client object at 0x7f79daa53390>'; "
      "echo 'slow: 12.5ms, took 0.31 seconds in /tmp/pytest-of-root/pytest-524/test_x0/db.sqlite, process [2914]'; "
      "exit 1; }";
    harness.chat.respond("5-verify",
                         fixed_files({{{"path", k_rule}, {"content", "# Implements: FR-001\nREPAIRED = 1\n"}}}));
    CHECK(harness.run().status == ExitStatus::ok);
    const auto repairs = harness.chat.requests("5-verify");
    REQUIRE(repairs.size() == 1);
    CHECK(repairs[0].messages.front().content.find("<project>/services/x.py failed; 1 failed in <time>s\n"
                                                   "<timestamp> <Client object at 0x<address>>\n"
                                                   "slow: <time>ms, took <time> seconds in "
                                                   "<pytest-tmp>/test_x0/db.sqlite, process [<pid>]\n")
          != std::string::npos);
  }

  TEST_CASE("workflow: a failing install is an environment failure: exit 4 with no model call")
  {
    WorkflowHarness harness;
    harness.script_happy_path();
    harness.options.install_command = "echo 'no index reachable'; exit 3";
    const auto outcome = harness.run();
    CHECK(outcome.status == ExitStatus::verification_failed);
    CHECK(outcome.summary.at("gave_up_after") == "the environment could not be prepared");
    CHECK(harness.chat.requests("5-verify").empty());
    const auto report = read_file(harness.out() / "artifacts/reports/qa-report.md");
    CHECK(report.find("install_command") != std::string::npos);
  }

  TEST_CASE("workflow: a check still failing after three tries ends with exit 4 and a blocked report")
  {
    WorkflowHarness harness;
    harness.script_happy_path();
    harness.options.verify_command = "exit 1";
    harness.chat.respond("5-verify", fixed_files({{{"path", k_rule}, {"content", "RULE = 3\n"}}}));
    const auto outcome = harness.run();
    CHECK(outcome.status == ExitStatus::verification_failed);
    CHECK(outcome.summary.at("gave_up_after") == "3 tries of 'verify_command'");
    const json failures = {{{"check", "verify_command"}, {"details", "'exit 1' exited with 1"}}};
    CHECK(outcome.summary.at("failures") == failures);
    CHECK(harness.chat.requests("5-verify").size() == 3);
    const auto report = read_file(harness.out() / "artifacts/reports/qa-report.md");
    CHECK(report.find("Status: **Blocked**") != std::string::npos);
    CHECK(report.find("| verify_command | ❌ fail | 'exit 1' exited with 1 |") != std::string::npos);
    CHECK(harness.state().at("stages").at(5).at("status") == "failed");
  }

  TEST_CASE("workflow: a functional requirement without code and a test naming it fails until the model marks both")
  {
    WorkflowHarness harness;
    auto intake = intake_result();
    intake["requirements"].push_back({{"id", "FR-003"}, {"kind", "FR"}, {"title", "Reminders are sent"},
                                      {"priority", "Must"}, {"description", "d"}, {"acceptance", "a"}});
    auto plan = plan_result();
    plan["spec"]["requirements"].push_back(
      {{"id", "FR-003"}, {"text", "Reminders are sent"}, {"implemented_by", {"reminders_worker"}}});
    plan["phases"][0]["tasks"][0]["requirements"].push_back("FR-003");
    harness.chat.script("1-validate", idea_fields());
    harness.chat.script("2-intake", intake);
    harness.chat.script("3-plan", plan);
    harness.chat.respond("4-generate", rule_writer("RULE = 1\n"));
    // The first repair marks the code only: still failing. The second marks the test too.
    harness.chat.script("5-verify", {{"files", {{{"path", k_rule}, {"content", "# Implements: FR-003\nRULE = 1\n"}}}}});
    harness.chat.script("5-verify", {{"files", {{{"path", k_rule_test}, {"content", "# Implements: FR-003\n"}}}}});
    CHECK(harness.run().status == ExitStatus::ok);
    const auto repairs = harness.chat.requests("5-verify");
    REQUIRE(repairs.size() == 2);
    CHECK(repairs[1].messages.front().content.find(
            "## requirement_coverage: FR-003 not named by both code under services/*/src and a test under "
            "services/*/tests")
          != std::string::npos);
    const auto report = read_file(harness.out() / "artifacts/reports/qa-report.md");
    CHECK(report.find("| FR-003 | Reminders are sent | ✅ done | " + k_rule + ":1, " + k_rule_test + ":1 |")
          != std::string::npos);
  }

  TEST_CASE("workflow: a TODO marker left by the model fails the marker check and is repaired")
  {
    WorkflowHarness harness;
    script_until_plan(harness);
    harness.chat.respond("4-generate", rule_writer("# TODO: write the rule\nRULE = 1\n"));
    harness.chat.respond("5-verify", rewrite_listed_files("RULE = 1\n"));
    CHECK(harness.run().status == ExitStatus::ok);
    const auto repairs = harness.chat.requests("5-verify");
    REQUIRE(repairs.size() == 1);
    CHECK(repairs[0].messages.front().content.find("## no_markers: 6 unfinished-work markers under services/\n")
          != std::string::npos);
    CHECK(repairs[0].messages.front().content.find(k_rule + ":1: # TODO: write the rule") != std::string::npos);
  }
}

TEST_SUITE("workflow::resume")
{
  TEST_CASE("workflow: --resume after a crash skips the stages done before it")
  {
    WorkflowHarness harness;
    harness.chat.script("1-validate", idea_fields());
    harness.chat.script("2-intake", intake_result());
    // No stage-3 script: the model call fails as a dead network would, after stages 0-2 were saved.
    CHECK_THROWS_AS(harness.run(), llm::LlmError);
    auto state = harness.state();
    CHECK(state.at("stages").at(2).at("status") == "done");
    CHECK(state.at("stages").at(3).at("status") == "failed");

    harness.chat.script("3-plan", plan_result());
    harness.chat.respond("4-generate", rule_writer("RULE = 1\n"));
    harness.options.resume = true;
    harness.options.idea.clear();
    CHECK(harness.run().status == ExitStatus::ok);
    CHECK(harness.chat.requests("1-validate").size() == 1);
    CHECK(harness.chat.requests("2-intake").size() == 1);
    CHECK(harness.chat.requests("3-plan").size() == 2);
    const auto& lines = harness.console.lines;
    CHECK(std::find(lines.begin(), lines.end(), "stage 2 intake: done earlier") != lines.end());
  }

  TEST_CASE("workflow: a directory holding a run is not started again without --resume")
  {
    WorkflowHarness harness;
    harness.chat.script("1-validate", idea_fields("scope"));
    REQUIRE(harness.run().status == ExitStatus::clarification_needed);
    CHECK_THROWS_WITH_AS(harness.run(),
                         ("'" + harness.out().string()
                          + "' holds a workflow run; pass --resume to continue it or choose another --out")
                           .c_str(),
                         amgen::Error);
  }
}

TEST_SUITE("workflow::budget")
{
  TEST_CASE("workflow: a forecast above --max-tokens stops with exit 6 before any call, state kept")
  {
    WorkflowHarness harness;
    harness.options.max_tokens = 1000;
    harness.script_happy_path();
    const auto outcome = harness.run();
    CHECK(outcome.status == ExitStatus::budget_exceeded);
    CHECK(harness.chat.call_count() == 0);
    CHECK(outcome.summary.at("message").get<std::string>().starts_with(
      "budget: --max-tokens 1000 would be crossed: 0 tokens spent, the next call may use up to "));
    const auto state = harness.state();
    CHECK(state.at("stages").at(0).at("status") == "done");
    CHECK(state.at("stages").at(1).at("status") == "failed");
  }

  TEST_CASE("workflow: the cost limit counts what earlier stages spent")
  {
    WorkflowHarness harness;
    harness.pricing = {1000.0, 1000.0};
    harness.options.max_cost = 2.0;
    harness.script_happy_path();
    const auto outcome = harness.run();
    CHECK(outcome.status == ExitStatus::budget_exceeded);
    CHECK(harness.chat.call_count() == 0);
    CHECK(outcome.summary.at("message").get<std::string>().starts_with("budget: --max-cost 2.00 would be crossed"));
  }
}

} // namespace amgen::test
