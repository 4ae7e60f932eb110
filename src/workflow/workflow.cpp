// The workflow driver: starts or resumes a run, applies the approval gate before stage 4, runs each
// pending stage in order and saves the state after every one, so a killed run resumes where it stopped.
#include "workflow/workflow.hpp"

#include "generator/plan.hpp"
#include "util/error.hpp"
#include "util/sha256.hpp"
#include "workflow/stages.hpp"
#include "workflow/text_files.hpp"

#include <array>
#include <fmt/format.h>

namespace amgen::workflow {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using StageFunction = StageResult (*)(StageContext&);

constexpr std::array<StageFunction, k_stage_count> k_stages = {
  run_context_stage, run_validate_stage, run_intake_stage, run_plan_stage,
  run_generate_stage, run_verify_stage, run_report_stage};

std::string resolve_idea(const Options& options)
{
  if (!options.idea_file.empty()) {
    const auto text = read_text_file(options.idea_file);
    if (!text) {
      throw Error(fmt::format("--idea-file: cannot read '{}'", options.idea_file));
    }
    return *text;
  }
  return options.idea;
}

State start_or_resume(const Options& options, const fs::path& out)
{
  const auto idea = resolve_idea(options);
  if (auto existing = load_state(out)) {
    if (!options.resume && options.answers_file.empty()) {
      throw Error(fmt::format("'{}' holds a workflow run; pass --resume to continue it or choose another --out",
                              out.string()));
    }
    if (!idea.empty() && util::sha256_hex(idea) != existing->idea_hash) {
      throw Error(fmt::format("the idea differs from the one the run in '{}' started with; resume without an idea "
                              "or choose another --out",
                              out.string()));
    }
    return std::move(*existing);
  }
  if (options.resume || !options.answers_file.empty()) {
    throw Error(fmt::format("nothing to resume: '{}' holds no workflow state", out.string()));
  }
  if (idea.empty()) {
    throw Error("no idea: pass it as text or with --idea-file");
  }
  if (!generator::is_missing_or_empty_directory(out.string())) {
    throw Error(fmt::format("'{}' is not empty; amgen generate starts in a new or empty directory", out.string()));
  }
  auto state = new_state(util::sha256_hex(idea));
  save_stage_record(out, 1, initial_validate_record(idea));
  save_state(out, state);
  return state;
}

/// Before stage 4: --yes, or a confirmation on a TTY; otherwise the run waits (exit 7).
std::optional<StageResult> approval_gate(StageContext& context)
{
  if (context.state.is_plan_approved) {
    return std::nullopt;
  }
  const auto plan = (context.out / "artifacts" / "plans" / "implementation-plan.md").string();
  const bool can_ask = context.options.interactive && context.console.is_tty();
  const auto question = fmt::format("Plan written to {} and amgen.yaml; generate the code?", plan);
  if (context.options.yes || (can_ask && context.console.confirm(question))) {
    context.state.is_plan_approved = true;
    save_state(context.out, context.state);
    return std::nullopt;
  }
  return StageResult{ExitStatus::approval_needed,
                     {{"status", "approval_needed"},
                      {"plan", plan},
                      {"spec", (context.out / "amgen.yaml").string()},
                      {"message", fmt::format("plan written to {}; re-run with --resume --yes", plan)}}};
}

std::string now(const Options& options)
{
  return options.now ? options.now() : std::string{};
}

Outcome finish(const StageContext& context, ExitStatus status, json summary)
{
  const auto spent = context.state.tokens_spent();
  json out = {{"status", status == ExitStatus::ok ? "done" : "stopped"},
              {"out", context.out.string()},
              {"stages", state_to_json(context.state).at("stages")},
              {"tokens", {{"input", spent.input}, {"output", spent.output}}},
              {"cost", context.state.cost_spent()}};
  out.update(summary);
  return {status, out};
}

} // namespace

Outcome run(const Options& options, llm::Chat& chat, const generator::TemplateStore& store, const Pricing& pricing,
            Console& console)
{
  if (options.out_dir.empty()) {
    throw Error("--out is required", ExitStatus::usage);
  }
  if (options.until_stage < 0 || options.until_stage >= k_stage_count) {
    throw Error(fmt::format("--until-stage must be 0-{}, not {}", k_stage_count - 1, options.until_stage),
                ExitStatus::usage);
  }
  // Absolute: writing the project may swap the directory, and `.` would then name the old one.
  const fs::path out = fs::absolute(options.out_dir).lexically_normal();
  auto state = start_or_resume(options, out);
  StageContext context{options, chat, store, pricing, console, out, state};
  json summary = json::object();
  for (int stage = 0; stage <= options.until_stage; ++stage) {
    auto& record = state.stages[static_cast<std::size_t>(stage)];
    if (record.status == StageStatus::done) {
      console.info(fmt::format("stage {} {}: done earlier", stage, stage_name(stage)));
      continue;
    }
    if (stage == 4) {
      if (auto waiting = approval_gate(context)) {
        return finish(context, waiting->status, waiting->summary);
      }
    }
    console.info(fmt::format("stage {} {}", stage, stage_name(stage)));
    record.started = now(options);
    StageResult result;
    try {
      result = k_stages[static_cast<std::size_t>(stage)](context);
    } catch (const Error& e) {
      record.status = StageStatus::failed;
      record.finished = now(options);
      save_state(out, state);
      if (e.status() == ExitStatus::budget_exceeded) {
        return finish(context, e.status(), {{"status", "budget_exceeded"}, {"message", e.what()}});
      }
      throw;
    }
    record.finished = now(options);
    record.status = result.status == ExitStatus::ok                     ? StageStatus::done
                    : result.status == ExitStatus::clarification_needed ? StageStatus::pending
                                                                        : StageStatus::failed;
    save_state(out, state);
    if (result.status != ExitStatus::ok) {
      return finish(context, result.status, result.summary);
    }
    summary.update(result.summary);
  }
  if (options.until_stage < k_stage_count - 1) {
    summary["stopped_after_stage"] = options.until_stage;
  }
  return finish(context, ExitStatus::ok, summary);
}

} // namespace amgen::workflow
