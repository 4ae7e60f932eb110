// The human-readable artifacts: artifacts/requirements/intake.md, artifacts/plans/implementation-plan.md
// (with the traceability matrix) and artifacts/reports/qa-report.md, as Markdown text.
#pragma once

#include "workflow/state.hpp"

#include <nlohmann/json.hpp>
#include <string>

namespace amgen::workflow {

/// `intake`: the stage-2 result {level, requirements, personas, out_of_scope, risks}.
[[nodiscard]] std::string intake_markdown(const std::string& idea, const nlohmann::json& intake);

/// `plan`: the stage-3 result {spec, phases, assumptions}; the matrix maps each requirement to its
/// spec elements and tasks.
[[nodiscard]] std::string plan_markdown(const nlohmann::json& intake, const nlohmann::json& plan);

struct QaReportFacts
{
  const State& state;
  const nlohmann::json& verify_record; ///< The stage-5 record: checks, coverage_percent, requirement_places.
  const nlohmann::json& requirements;  ///< The intake's requirements.
  const nlohmann::json& levels;        ///< The stage-0 levels matrix.
  long level = 1;
  std::string verify_command;
};

[[nodiscard]] std::string qa_report_markdown(const QaReportFacts& facts);

} // namespace amgen::workflow
