// The interactive questions of `amgen new`. Each answer is applied to a draft spec that the real validator
// checks, so the prompt and `amgen validate` can never disagree about what is allowed.
#include "cli/new_prompts.hpp"

#include "generator/modules.hpp"
#include "generator/names.hpp"
#include "generator/spec_keys.hpp"
#include "util/error.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <sstream>

namespace amgen::cli {
namespace {

using generator::DefaultSpecRequest;

std::vector<std::string> split(const std::string& text, char separator)
{
  std::vector<std::string> parts;
  std::stringstream stream(text);
  std::string part;
  while (std::getline(stream, part, separator)) {
    part.erase(0, part.find_first_not_of(' '));
    part.erase(part.find_last_not_of(' ') + 1);
    if (!part.empty()) {
      parts.push_back(part);
    }
  }
  return parts;
}

// Validates a draft spec: its errors (each on one line) when it has any, else nothing. Notes go to `notes`.
class DraftChecker
{
public:
  explicit DraftChecker(const generator::TemplateStore& store)
    : m_store(store)
  {
  }

  std::optional<std::string> problems(const DefaultSpecRequest& draft, std::vector<std::string>* notes = nullptr) const
  {
    auto complete = draft;
    if (complete.domain.empty()) {
      complete.domain = complete.project_name;
    }
    generator::ProjectRequest request;
    request.spec_file = "amgen.yaml";
    request.spec_text = generator::default_spec_text(m_store, complete);
    const auto diagnostics = generator::validate_project(request, m_store);
    std::vector<std::string> errors;
    for (const auto& diagnostic : diagnostics.sorted()) {
      if (diagnostic.severity == generator::Severity::error) {
        errors.push_back(diagnostic.hint.empty() ? diagnostic.message
                                                 : fmt::format("{} ({})", diagnostic.message, diagnostic.hint));
      } else if (notes) {
        notes->push_back(diagnostic.message);
      }
    }
    if (errors.empty()) {
      return std::nullopt;
    }
    return fmt::format("{}", fmt::join(errors, "; "));
  }

private:
  const generator::TemplateStore& m_store;
};

std::optional<std::string> snake_case_problem(const std::string& answer, const char* what)
{
  if (generator::is_snake_case(answer)) {
    return std::nullopt;
  }
  return fmt::format("{} must be snake_case: lowercase letters, digits and single underscores", what);
}

// `name:type`, `name:type?` (optional) or `name:enum=a|b|c`.
std::optional<generator::DefaultSpecField> parse_field(const std::string& answer, std::string& problem)
{
  const auto colon = answer.find(':');
  if (colon == std::string::npos) {
    problem = "write the field as name:type (e.g. full_name:string, birth_date:date?, status:enum=new|done)";
    return std::nullopt;
  }
  generator::DefaultSpecField field;
  field.name = answer.substr(0, colon);
  auto type = answer.substr(colon + 1);
  if (!type.empty() && type.back() == '?') {
    field.optional = true;
    type.pop_back();
  }
  if (type.starts_with("enum=")) {
    field.values = split(type.substr(5), '|');
    type = "enum";
  }
  field.type = type;
  if (auto snake = snake_case_problem(field.name, "a field name")) {
    problem = *snake;
    return std::nullopt;
  }
  const auto& types = generator::spec_keys::k_field_types;
  if (std::find(types.begin(), types.end(), field.type) == types.end()) {
    problem = fmt::format("unknown type '{}'; types: {}", field.type, fmt::join(types, ", "));
    return std::nullopt;
  }
  if (field.type == "enum" && field.values.empty()) {
    problem = "an enum lists its values: status:enum=new|done";
    return std::nullopt;
  }
  return field;
}

void ask_identity(Terminal& terminal, const DraftChecker& checker, DefaultSpecRequest& draft, const NewOptions& given)
{
  if (given.name.empty()) {
    draft.project_name = terminal.ask("Project name (snake_case)", {}, [&](const std::string& answer) {
      if (auto problem = snake_case_problem(answer, "the project name")) {
        return problem;
      }
      auto attempt = draft;
      attempt.project_name = answer;
      return checker.problems(attempt);
    });
  }
  if (given.context.empty()) {
    draft.context = terminal.ask("Business context (e.g. healthcare, finance, logistics)", {},
                                 [&](const std::string& answer) {
                                   if (auto problem = snake_case_problem(answer, "the context")) {
                                     return problem;
                                   }
                                   auto attempt = draft;
                                   attempt.context = answer;
                                   return checker.problems(attempt);
                                 });
  }
  if (given.domain.empty()) {
    draft.domain = terminal.ask("Domain of the services", draft.project_name, [&](const std::string& answer) {
      if (auto problem = snake_case_problem(answer, "the domain")) {
        return problem;
      }
      auto attempt = draft;
      attempt.domain = answer;
      return checker.problems(attempt);
    });
  }
}

void ask_level(Terminal& terminal, const generator::TemplateStore& store, DefaultSpecRequest& draft)
{
  generator::Diagnostics diagnostics;
  const auto levels = generator::load_levels(store, diagnostics);
  terminal.say("Maturity levels:");
  for (const auto& level : levels.levels) {
    terminal.say(fmt::format("  {} {:<15} {} (coverage {}%)", level.number, level.name, level.summary, level.coverage));
  }
  const auto answer = terminal.ask("Level", "1", [&](const std::string& text) -> std::optional<std::string> {
    if (text.size() == 1 && levels.find_level(text[0] - '0') != nullptr) {
      return std::nullopt;
    }
    return fmt::format("choose a level from 1 to {}", levels.levels.size());
  });
  draft.level = answer[0] - '0';
}

void ask_modules(Terminal& terminal, const DraftChecker& checker, DefaultSpecRequest& draft)
{
  std::vector<std::string> names;
  for (const auto& module : generator::module_catalogue()) {
    if (!module.service_type.empty() || module.has_infrastructure_templates) {
      names.push_back(module.name); // the others have no templates yet, and the validator rejects them
    }
  }
  terminal.say(fmt::format("Optional modules: {}", fmt::join(names, ", ")));
  std::vector<std::string> notes;
  const auto answer = terminal.ask("Modules, comma-separated (empty for none)", {},
                                   [&](const std::string& text) -> std::optional<std::string> {
                                     auto attempt = draft;
                                     attempt.modules = split(text, ',');
                                     for (const auto& module : attempt.modules) {
                                       if (generator::find_module(module) == nullptr) {
                                         return fmt::format("unknown module '{}'", module);
                                       }
                                     }
                                     notes.clear();
                                     return checker.problems(attempt, &notes);
                                   });
  draft.modules = split(answer, ',');
  for (const auto& note : notes) {
    if (note.starts_with("module ")) {
      terminal.say("  " + note);
    }
  }
}

void ask_entities(Terminal& terminal, const DraftChecker& checker, DefaultSpecRequest& draft)
{
  terminal.say(fmt::format("Entities: name them in PascalCase; fields as name:type, name:type? for optional, "
                           "name:enum=a|b. Types: {}.",
                           fmt::join(generator::spec_keys::k_field_types, ", ")));
  for (;;) {
    const bool first = draft.entities.empty();
    const auto name = terminal.ask(first ? "Entity name (empty keeps the example entity Item)"
                                         : "Another entity (empty to finish)",
                                   {}, [&](const std::string& answer) -> std::optional<std::string> {
                                     if (answer.empty()) {
                                       return std::nullopt;
                                     }
                                     if (!generator::is_pascal_case(answer)) {
                                       return "an entity name is PascalCase, e.g. Patient or LoanApplication";
                                     }
                                     for (const auto& entity : draft.entities) {
                                       if (entity.name == answer) {
                                         return fmt::format("'{}' is already an entity", answer);
                                       }
                                     }
                                     return std::nullopt;
                                   });
    if (name.empty()) {
      return;
    }
    draft.entities.push_back({name, {}});
    auto& entity = draft.entities.back();
    for (;;) {
      std::optional<generator::DefaultSpecField> field;
      const auto answer = terminal.ask(fmt::format("  Field of {} (empty to finish)", name), {},
                                       [&](const std::string& text) -> std::optional<std::string> {
                                         if (text.empty()) {
                                           if (entity.fields.empty()) {
                                             return "an entity needs at least one field";
                                           }
                                           return std::nullopt;
                                         }
                                         std::string problem;
                                         field = parse_field(text, problem);
                                         if (!field) {
                                           return problem;
                                         }
                                         auto attempt = draft;
                                         attempt.entities.back().fields.push_back(*field);
                                         return checker.problems(attempt);
                                       });
      if (answer.empty()) {
        break;
      }
      entity.fields.push_back(*field);
    }
  }
}

} // namespace

DefaultSpecRequest ask_for_project(Terminal& terminal, const NewOptions& given, const generator::TemplateStore& store)
{
  const DraftChecker checker(store);
  DefaultSpecRequest draft;
  draft.project_name = given.name.empty() ? "project" : given.name;
  draft.context = given.context.empty() ? "healthcare" : given.context;
  draft.domain = given.domain;
  draft.level = given.level.value_or(1);
  draft.modules = given.modules;
  terminal.say("New amgen project: answer each question; [brackets] show the default.");
  ask_identity(terminal, checker, draft, given);
  if (draft.domain.empty()) {
    draft.domain = draft.project_name;
  }
  if (!given.level) {
    ask_level(terminal, store, draft);
  }
  if (given.modules.empty()) {
    ask_modules(terminal, checker, draft);
  }
  ask_entities(terminal, checker, draft);
  if (auto problems = checker.problems(draft)) {
    throw Error(fmt::format("the answers do not make a valid spec: {}", *problems));
  }
  return draft;
}

} // namespace amgen::cli
