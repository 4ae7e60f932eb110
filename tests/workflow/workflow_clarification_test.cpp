// Stage 1 over the scripted Chat: questions in a file (exit 3), answers with --answers, at most two rounds,
// and questions asked on a TTY.
#include "support/temp_dir.hpp"
#include "workflow/workflow_fixtures.hpp"

#include <doctest/doctest.h>

namespace amgen::test {
namespace {

using nlohmann::json;

json questions_file(const WorkflowHarness& harness)
{
  return json::parse(read_file(harness.out() / ".amgen/workflow/questions.json"));
}

void write_answers(WorkflowHarness& harness, const std::string& text)
{
  harness.dir.write_tree({{"answers.json", text}});
  harness.options.answers_file = (harness.dir.path() / "answers.json").string();
  harness.options.idea.clear();
}

} // namespace

TEST_SUITE("workflow::clarification")
{
  TEST_CASE("workflow: a missing blocker ends a non-interactive run with exit 3 and questions.json")
  {
    WorkflowHarness harness;
    harness.chat.script("1-validate", idea_fields("business_context"));
    const auto outcome = harness.run();
    CHECK(outcome.status == ExitStatus::clarification_needed);
    const auto questions = questions_file(harness);
    CHECK(questions.at("status") == "clarification_needed");
    CHECK(questions.at("round") == 1);
    const json expected = {{{"id", "business_context"},
                            {"field", "Business context: the problem, the users, how success is measured"},
                            {"question", "Who uses the app?"}}};
    CHECK(questions.at("questions") == expected);
    CHECK(outcome.summary.at("questions") == questions.at("questions"));
    CHECK(harness.state().at("stages").at(1).at("status") == "pending");
    CHECK(harness.chat.requests("2-intake").empty());
  }

  TEST_CASE("workflow: an answers file continues the run and reaches the model with the idea")
  {
    WorkflowHarness harness;
    harness.chat.script("1-validate", idea_fields("business_context"));
    REQUIRE(harness.run().status == ExitStatus::clarification_needed);
    harness.script_happy_path();
    write_answers(harness, R"({"answers": {"business_context": "Small clinics; fewer no-shows"}})");
    const auto outcome = harness.run();
    CHECK(outcome.status == ExitStatus::ok);
    const auto second = harness.chat.requests("1-validate").at(1);
    CHECK(second.messages.front().content.find("Clarifications:\n- Who uses the app? Small clinics; fewer no-shows\n")
          != std::string::npos);
    CHECK(harness.chat.requests("2-intake").at(0).messages.front().content.find("Small clinics; fewer no-shows")
          != std::string::npos);
  }

  TEST_CASE("workflow: answers in YAML are accepted")
  {
    WorkflowHarness harness;
    harness.chat.script("1-validate", idea_fields("scope"));
    REQUIRE(harness.run().status == ExitStatus::clarification_needed);
    harness.chat.script("1-validate", idea_fields());
    harness.options.until_stage = 1;
    write_answers(harness, "answers:\n  scope: no billing\n");
    CHECK(harness.run().status == ExitStatus::ok);
    CHECK(harness.state().at("stages").at(1).at("status") == "done");
  }

  TEST_CASE("workflow: after two rounds a third is refused with the missing fields summarised")
  {
    WorkflowHarness harness;
    harness.chat.script("1-validate", idea_fields("scope"));
    REQUIRE(harness.run().status == ExitStatus::clarification_needed);
    harness.chat.script("1-validate", idea_fields("scope"));
    write_answers(harness, R"({"answers": {"scope": "hm"}})");
    const auto second = harness.run();
    REQUIRE(second.status == ExitStatus::clarification_needed);
    CHECK(second.summary.at("round") == 2);
    CHECK(harness.chat.requests("1-validate").at(1).system.find("This is the last round") != std::string::npos);
    harness.chat.script("1-validate", idea_fields("scope"));
    write_answers(harness, R"({"answers": {"scope": "still vague"}})");
    const auto third = harness.run();
    CHECK(third.status == ExitStatus::clarification_needed);
    CHECK(third.summary.at("status") == "clarification_exhausted");
    CHECK(third.summary.at("message")
          == "after 2 rounds of questions the idea still lacks: scope; describe them in the idea and start a new run");
    CHECK(harness.state().at("clarification_rounds") == 2);
  }

  TEST_CASE("workflow: an answers file that answers no open question is an input error")
  {
    WorkflowHarness harness;
    harness.chat.script("1-validate", idea_fields("scope"));
    REQUIRE(harness.run().status == ExitStatus::clarification_needed);
    write_answers(harness, R"({"answers": {"level": "2"}})");
    CHECK_THROWS_WITH_AS(harness.run(), doctest::Contains("answers none of the open questions (ids: scope)"),
                         amgen::Error);
  }

  TEST_CASE("workflow: on a TTY the questions are asked and the run goes on")
  {
    WorkflowHarness harness;
    harness.console.tty = true;
    harness.console.answers = {"Clinics and their patients"};
    harness.chat.script("1-validate", idea_fields("business_context"));
    harness.chat.script("1-validate", idea_fields());
    harness.options.until_stage = 1;
    CHECK(harness.run().status == ExitStatus::ok);
    CHECK(harness.console.questions == std::vector<std::string>{"Who uses the app?"});
    CHECK(harness.chat.requests("1-validate").at(1).messages.front().content.find("Clinics and their patients")
          != std::string::npos);
  }
}

} // namespace amgen::test
