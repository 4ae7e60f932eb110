// Markdown artifacts: tables built from the stage records; cells escaped so a `|` cannot break a row.
#include "workflow/artifacts.hpp"
#include "workflow/source_scan.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <map>

namespace amgen::workflow {
namespace {

using nlohmann::json;

std::string cell(const std::string& text)
{
  std::string out;
  for (const char c : text) {
    if (c == '|') {
      out += "\\|";
    } else if (c == '\n') {
      out += "<br>";
    } else {
      out += c;
    }
  }
  return out;
}

std::string text_of(const json& value, const char* key)
{
  return cell(value.value(key, std::string{}));
}

std::string bullet_list(const json& items)
{
  if (items.empty()) {
    return "- none\n";
  }
  std::string out;
  for (const auto& item : items) {
    out += fmt::format("- {}\n", item.get<std::string>());
  }
  return out;
}

/// Requirement id → the tasks that name it, e.g. `1.2 Create the data service`.
std::map<std::string, std::vector<std::string>> tasks_by_requirement(const json& plan)
{
  std::map<std::string, std::vector<std::string>> out;
  for (const auto& phase : plan.at("phases")) {
    for (const auto& task : phase.at("tasks")) {
      for (const auto& id : task.at("requirements")) {
        out[id.get<std::string>()].push_back(task.at("id").get<std::string>());
      }
    }
  }
  return out;
}

std::map<std::string, std::vector<std::string>> spec_elements_by_requirement(const json& spec)
{
  std::map<std::string, std::vector<std::string>> out;
  for (const auto& item : spec.value("requirements", json::array())) {
    for (const auto& element : item.value("implemented_by", json::array())) {
      out[item.value("id", "")].push_back(element.get<std::string>());
    }
  }
  return out;
}

std::string joined(const std::map<std::string, std::vector<std::string>>& map, const std::string& key)
{
  const auto it = map.find(key);
  return it == map.end() || it->second.empty() ? "—" : cell(fmt::format("{}", fmt::join(it->second, ", ")));
}

std::string tokens_table(const State& state)
{
  std::string out = "| Stage | Status | Model calls | Input tokens | Output tokens | Cost (USD) |\n"
                    "|---|---|---|---|---|---|\n";
  for (const auto& record : state.stages) {
    out += fmt::format("| {} {} | {} | {} | {} | {} | {:.4f} |\n", record.stage, stage_name(record.stage),
                       status_name(record.status), record.attempts, record.tokens.input, record.tokens.output,
                       record.cost);
  }
  const auto total = state.tokens_spent();
  out += fmt::format("| total | | | {} | {} | {:.4f} |\n", total.input, total.output, state.cost_spent());
  return out;
}

std::string upgrade_path(const json& levels, long level)
{
  for (const auto& item : levels) {
    if (item.at("level").get<long>() == level + 1) {
      return fmt::format("Level {} ({}, coverage gate {}%) adds:\n{}\nSet `level: {}` in amgen.yaml and run "
                         "`amgen new --spec amgen.yaml --out . --force`; your and the model's files are kept.\n",
                         level + 1, item.at("level_name").get<std::string>(), item.at("coverage").get<int>(),
                         bullet_list(item.at("adds")), level + 1);
    }
  }
  return "This is the highest level.\n";
}

} // namespace

std::string intake_markdown(const std::string& idea, const json& intake)
{
  std::string out = "# Requirements intake\n\n## Request\n\n" + idea + "\n\n";
  out += fmt::format("## Target configuration\n\n- Maturity level: {}\n\n", intake.at("level").get<int>());
  out += "## Personas\n\n" + bullet_list(intake.at("personas")) + "\n";
  std::map<std::string, int> counts;
  std::string rows;
  for (const auto& requirement : intake.at("requirements")) {
    ++counts[requirement.value("kind", "")];
    rows += fmt::format("| {} | {} | {} | {} | {} | {} |\n", text_of(requirement, "id"), text_of(requirement, "kind"),
                        text_of(requirement, "title"), text_of(requirement, "priority"),
                        text_of(requirement, "description"), text_of(requirement, "acceptance"));
  }
  out += "## Requirements\n\n| Req ID | Kind | Feature | Priority | Description | Acceptance criteria |\n"
         "|---|---|---|---|---|---|\n"
         + rows;
  out += fmt::format("\n## Requirements summary\n\n- Functional (FR): {}\n- UI/UX (UI): {}\n- Non-functional (NF): {}\n"
                     "- Total: {}\n\n",
                     counts["FR"], counts["UI"], counts["NF"], intake.at("requirements").size());
  out += "## Out of scope\n\n" + bullet_list(intake.at("out_of_scope")) + "\n";
  out += "## Risks and open questions\n\n" + bullet_list(intake.at("risks"));
  return out;
}

std::string plan_markdown(const json& intake, const json& plan)
{
  std::string out = "# Implementation plan\n\n";
  out += fmt::format("The spec is `amgen.yaml` (level {}).\n\n", plan.at("spec").value("level", 1));
  out += "## Assumptions\n\n" + bullet_list(plan.at("assumptions")) + "\n## Work plan\n\n";
  for (std::size_t index = 0; index < plan.at("phases").size(); ++index) {
    const auto& phase = plan.at("phases")[index];
    out += fmt::format("### Phase {}: {}\n\n", index + 1, phase.at("name").get<std::string>());
    for (const auto& task : phase.at("tasks")) {
      out += fmt::format("- {} {} ({})\n", task.at("id").get<std::string>(), task.at("title").get<std::string>(),
                         fmt::join(task.at("requirements").get<std::vector<std::string>>(), ", "));
    }
    out += "\n";
  }
  const auto tasks = tasks_by_requirement(plan);
  const auto elements = spec_elements_by_requirement(plan.at("spec"));
  out += "## Requirements traceability matrix\n\n| Req ID | Feature | Priority | Spec elements | Tasks | Status |\n"
         "|---|---|---|---|---|---|\n";
  for (const auto& requirement : intake.at("requirements")) {
    const auto id = requirement.value("id", "");
    out += fmt::format("| {} | {} | {} | {} | {} | Planned |\n", cell(id), text_of(requirement, "title"),
                       text_of(requirement, "priority"), joined(elements, id), joined(tasks, id));
  }
  out += fmt::format("\nCoverage plan: {} requirements, {} phases, every requirement in at least one task.\n",
                     intake.at("requirements").size(), plan.at("phases").size());
  return out;
}

std::string qa_report_markdown(const QaReportFacts& facts)
{
  const auto& checks = facts.verify_record.value("checks", json::array());
  bool is_ready = !checks.empty();
  std::string rows;
  for (const auto& check : checks) {
    const bool passed = check.at("passed").get<bool>();
    is_ready = is_ready && passed;
    rows += fmt::format("| {} | {} | {} |\n", text_of(check, "check"), passed ? "✅ pass" : "❌ fail",
                        text_of(check, "details"));
  }
  std::string out =
    fmt::format("# QA report\n\n## Executive summary\n\nStatus: **{}**\n\n", is_ready ? "Ready" : "Blocked");
  if (facts.verify_record.contains("gave_up_after")) {
    out += fmt::format("Verification stopped after {}.\n\n",
                       facts.verify_record.at("gave_up_after").get<std::string>());
  }
  out += "## Verification checklist\n\n| Check | Result | Details |\n|---|---|---|\n" + rows;
  const int coverage = facts.verify_record.value("coverage_percent", -1);
  const auto coverage_line = coverage < 0
                               ? fmt::format("No pytest TOTAL line in the output of `{}`.", facts.verify_command)
                               : fmt::format("Line coverage (pytest TOTAL): {}%", coverage);
  out += fmt::format("\n## Test coverage\n\n{}\n\n", coverage_line);
  const auto places = facts.verify_record.value("requirement_places", json::object());
  out += "## Requirements coverage\n\n| Req ID | Feature | Status | Evidence |\n|---|---|---|---|\n";
  int implemented = 0;
  int traced = 0;
  for (const auto& requirement : facts.requirements) {
    const auto id = requirement.value("id", "");
    if (!places.contains(id)) {
      continue;
    }
    ++traced;
    const auto& found = places.at(id);
    const bool is_done = has_code_and_test(found.get<std::vector<std::string>>());
    implemented += is_done ? 1 : 0;
    std::vector<std::string> evidence;
    for (std::size_t index = 0; index < found.size() && index < 3; ++index) {
      evidence.push_back(found[index].get<std::string>());
    }
    out += fmt::format("| {} | {} | {} | {} |\n", cell(id), text_of(requirement, "title"),
                       is_done ? "✅ done" : found.empty() ? "❌ not found" : "❌ code or test missing",
                       evidence.empty() ? "—" : cell(fmt::format("{}", fmt::join(evidence, ", "))));
  }
  out += fmt::format("\nRequirement coverage: {}% ({} of {} functional requirements implemented).\n\n",
                     traced == 0 ? 0 : implemented * 100 / traced, implemented, traced);
  out += "## Tokens and cost per stage\n\n" + tokens_table(facts.state);
  out += "\n## How to run\n\n```sh\nmake install && make check\ncp .env.example .env\ndocker compose up -d\n```\n\n";
  out += "## Upgrade path\n\n" + upgrade_path(facts.levels, facts.level);
  return out;
}

} // namespace amgen::workflow
