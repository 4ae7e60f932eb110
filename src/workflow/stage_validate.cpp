// Stage 1: the model rates the idea's ten fields; missing blockers become questions, asked on a TTY or
// written to questions.json (exit 3) and answered with --answers; at most two rounds.
#include "util/error.hpp"
#include "workflow/answers.hpp"
#include "workflow/prompts.hpp"
#include "workflow/stages.hpp"
#include "workflow/text_files.hpp"

#include <array>
#include <fmt/format.h>
#include <fmt/ranges.h>

namespace amgen::workflow {
namespace {

using nlohmann::json;
constexpr int k_max_rounds = 2;

struct IdeaField
{
  const char* id;
  const char* title;
  bool is_blocker;
};

constexpr std::array<IdeaField, 10> k_fields = {{
  {"business_context", "Business context: the problem, the users, how success is measured", true},
  {"level", "Target maturity level 1-4", true},
  {"functional_requirements", "Functional requirements, prioritised", true},
  {"modules", "Optional modules (worker, bot, mongo, ...); none is an answer", false},
  {"nonfunctional_constraints", "Non-functional constraints: performance, security, compliance", true},
  {"dependencies", "Dependencies and integrations", true},
  {"scope", "Scope boundaries: what is explicitly out of scope", true},
  {"deliverables", "Expected deliverables", true},
  {"acceptance_criteria", "Acceptance criteria", true},
  {"open_questions", "Open questions and risks", false},
}};

json response_schema()
{
  json ids = json::array();
  for (const auto& field : k_fields) {
    ids.push_back(field.id);
  }
  return {{"type", "object"},
          {"additionalProperties", false},
          {"required", {"fields"}},
          {"properties",
           {{"fields",
             {{"type", "array"},
              {"items",
               {{"type", "object"},
                {"additionalProperties", false},
                {"required", {"field", "status", "question"}},
                {"properties",
                 {{"field", {{"enum", ids}}},
                  {"status", {{"enum", {"present", "partial", "missing"}}}},
                  {"question", {{"type", "string"}}}}}}}}}}}};
}

std::vector<std::string> every_field_rated(const json& result)
{
  std::vector<std::string> errors;
  for (const auto& field : k_fields) {
    int count = 0;
    for (const auto& item : result.at("fields")) {
      count += item.at("field") == field.id ? 1 : 0;
    }
    if (count != 1) {
      errors.push_back(fmt::format("field '{}' must be rated exactly once (found {})", field.id, count));
    }
  }
  return errors;
}

llm::Request validate_request(const StageContext& context, const json& record)
{
  json fields = json::array();
  for (const auto& field : k_fields) {
    fields.push_back({{"field_id", field.id}, {"field_title", field.title}, {"is_blocker", field.is_blocker}});
  }
  const auto levels = earlier_record(context, 0).at("levels");
  const json data = {{"idea", clarified_idea(record)},
                     {"fields", fields},
                     {"levels", levels},
                     {"is_last_round", context.state.clarification_rounds + 1 >= k_max_rounds}};
  auto request = prompt_request(context.store, "1-validate", data, {response_schema(), "idea_fields", 2048});
  return request;
}

/// Blocker fields rated partial or missing, as questions with the field as their id.
json open_questions(const json& result)
{
  json questions = json::array();
  for (const auto& field : k_fields) {
    for (const auto& item : result.at("fields")) {
      if (field.is_blocker && item.at("field") == field.id && item.at("status") != "present") {
        const auto question = item.at("question").get<std::string>();
        questions.push_back({{"id", field.id},
                             {"field", field.title},
                             {"question", question.empty() ? std::string(field.title) + "?" : question}});
      }
    }
  }
  return questions;
}

void apply_answers_file(const StageContext& context, json& record)
{
  const auto& file = context.options.answers_file;
  if (file.empty()) {
    return;
  }
  auto& pending = record["pending_questions"];
  if (pending.empty()) {
    context.console.info(fmt::format("no clarification questions are open; '{}' is not used", file));
    return;
  }
  const auto text = read_text_file(file);
  if (!text) {
    throw Error(fmt::format("--answers: cannot read '{}'", file));
  }
  const auto answers = parse_answers(file, *text);
  std::vector<std::string> expected;
  int matched = 0;
  for (const auto& question : pending) {
    const auto id = question.at("id").get<std::string>();
    expected.push_back(id);
    const auto it = answers.find(id);
    if (it != answers.end() && !it->second.empty()) {
      auto answered = question;
      answered["answer"] = it->second;
      record["clarifications"].push_back(answered);
      ++matched;
    }
  }
  if (matched == 0) {
    throw Error(fmt::format("{}: answers none of the open questions (ids: {})", file, fmt::join(expected, ", ")));
  }
  pending = json::array();
}

StageResult ask_in_file(StageContext& context, json& record, const json& questions)
{
  record["pending_questions"] = questions;
  save_stage_record(context.out, 1, record);
  const auto dir = workflow_dir(context.out);
  const auto answers_file = dir / fmt::format("answers-{}.json", context.state.clarification_rounds);
  const json summary = {{"status", "clarification_needed"},
                        {"round", context.state.clarification_rounds},
                        {"questions", questions},
                        {"answers_file", answers_file.string()}};
  write_text_file_atomically(dir / "questions.json", summary.dump(2) + "\n");
  return {ExitStatus::clarification_needed, summary};
}

StageResult rounds_exhausted(const json& questions)
{
  std::vector<std::string> fields;
  for (const auto& question : questions) {
    fields.push_back(question.at("id").get<std::string>());
  }
  return {ExitStatus::clarification_needed,
          {{"status", "clarification_exhausted"},
           {"missing", questions},
           {"message", fmt::format("after {} rounds of questions the idea still lacks: {}; describe them in the idea "
                                   "and start a new run",
                                   k_max_rounds, fmt::join(fields, ", "))}}};
}

} // namespace

json initial_validate_record(const std::string& idea)
{
  return {{"idea", idea}, {"clarifications", json::array()}, {"pending_questions", json::array()}};
}

std::string clarified_idea(const json& record)
{
  auto text = record.at("idea").get<std::string>();
  if (!record.at("clarifications").empty()) {
    text += "\n\nClarifications:\n";
    for (const auto& item : record.at("clarifications")) {
      text += fmt::format("- {} {}\n", item.at("question").get<std::string>(), item.at("answer").get<std::string>());
    }
  }
  return text;
}

StageResult run_validate_stage(StageContext& context)
{
  auto record = earlier_record(context, 1);
  apply_answers_file(context, record);
  save_stage_record(context.out, 1, record);
  while (true) {
    const auto response = call_model(context, 1, validate_request(context, record), every_field_rated);
    record["fields"] = response.structured.at("fields");
    save_stage_record(context.out, 1, record);
    const auto questions = open_questions(response.structured);
    if (questions.empty()) {
      return {};
    }
    if (context.state.clarification_rounds >= k_max_rounds) {
      return rounds_exhausted(questions);
    }
    ++context.state.clarification_rounds;
    save_state(context.out, context.state);
    if (!context.options.interactive || !context.console.is_tty()) {
      return ask_in_file(context, record, questions);
    }
    for (const auto& question : questions) {
      auto answered = question;
      answered["answer"] = context.console.ask(question.at("question").get<std::string>(), "");
      record["clarifications"].push_back(answered);
    }
    save_stage_record(context.out, 1, record);
  }
}

} // namespace amgen::workflow
