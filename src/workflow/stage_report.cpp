// Stage 6: the QA report from the verification record, the requirements and the token accounting.
#include "workflow/artifacts.hpp"
#include "workflow/stages.hpp"
#include "workflow/text_files.hpp"

namespace amgen::workflow {

std::filesystem::path write_qa_report(const StageContext& context, const nlohmann::json& verify_record)
{
  const auto requirements = earlier_record(context, 2).at("intake").at("requirements");
  const auto levels = earlier_record(context, 0).at("levels");
  const long level = earlier_record(context, 3).at("plan").at("spec").value("level", 1L);
  const auto text = qa_report_markdown({context.state, verify_record, requirements, levels, level,
                                        context.options.verify_command});
  const auto path = context.out / "artifacts" / "reports" / "qa-report.md";
  write_text_file_atomically(path, text);
  return path;
}

StageResult run_report_stage(StageContext& context)
{
  // Writing the report is this stage's last act, so the report shows it done.
  context.state.stages.at(6).status = StageStatus::done;
  const auto path = write_qa_report(context, earlier_record(context, 5));
  save_stage_record(context.out, 6, {{"report", path.string()}});
  return {ExitStatus::ok, {{"report", path.string()}}};
}

} // namespace amgen::workflow
