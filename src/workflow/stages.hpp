// The seven stages, one function each (stage_<name>.cpp), run in order by workflow.cpp.
#pragma once

#include "workflow/stage_context.hpp"

namespace amgen::workflow {

/// 0: levels matrix, naming rules, the spec's JSON Schema and the model's path patterns. No model call.
[[nodiscard]] StageResult run_context_stage(StageContext& context);
/// 1: the ten fields of the idea; missing blockers become questions (at most two rounds).
[[nodiscard]] StageResult run_validate_stage(StageContext& context);
/// 2: requirements with FR/UI/NF ids → artifacts/requirements/intake.md.
[[nodiscard]] StageResult run_intake_stage(StageContext& context);
/// 3: the spec (→ amgen.yaml, validated), the phases and the traceability matrix → implementation-plan.md.
[[nodiscard]] StageResult run_plan_stage(StageContext& context);
/// 4: render and commit the project, then one model call per model-owned file.
[[nodiscard]] StageResult run_generate_stage(StageContext& context);
/// 5: the verify command, requirement coverage and markers; failures go back to the model, bounded.
[[nodiscard]] StageResult run_verify_stage(StageContext& context);
/// 6: artifacts/reports/qa-report.md.
[[nodiscard]] StageResult run_report_stage(StageContext& context);

} // namespace amgen::workflow

namespace amgen::workflow {

/// The idea followed by every clarification answered so far (from the stage-1 record).
[[nodiscard]] std::string clarified_idea(const nlohmann::json& validate_record);

/// The stage-1 record a new run starts with.
[[nodiscard]] nlohmann::json initial_validate_record(const std::string& idea);

} // namespace amgen::workflow

namespace amgen::workflow {

/// Writes artifacts/reports/qa-report.md from the stage records and the state; returns its path.
std::filesystem::path write_qa_report(const StageContext& context, const nlohmann::json& verify_record);

} // namespace amgen::workflow
