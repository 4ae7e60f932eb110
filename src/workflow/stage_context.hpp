// What every stage works with: the run's options and collaborators, the output directory and the state,
// plus the model-call wrapper that checks the budget and books the tokens on the stage.
#pragma once

#include "generator/template_store.hpp"
#include "llm/chat.hpp"
#include "workflow/budget.hpp"
#include "workflow/state.hpp"
#include "workflow/workflow.hpp"

#include <filesystem>
#include <nlohmann/json.hpp>
#include <vector>

namespace amgen::workflow {

struct StageContext
{
  const Options& options;
  llm::Chat& chat;
  const generator::TemplateStore& store;
  const Pricing& pricing;
  Console& console;
  std::filesystem::path out;
  State& state;
};

/// How a stage ended: `ok` moves on; anything else ends the run with `summary` merged into the outcome.
struct StageResult
{
  ExitStatus status = ExitStatus::ok;
  nlohmann::json summary = nlohmann::json::object();
};

/// Structured output retries per call when a semantic check fails.
inline constexpr int k_max_checked_attempts = 3;

/// One model call on behalf of `stage`: refuses (amgen::Error with ExitStatus::budget_exceeded) when the
/// forecast would cross a limit, then books the usage on the stage and saves the state.
[[nodiscard]] llm::Response call_model(StageContext& context, int stage, llm::Request request,
                                       const llm::SemanticCheck& check);
/// Independent calls in parallel (complete_all), with the same budget check over their summed forecast.
[[nodiscard]] std::vector<llm::Response> call_model_all(StageContext& context, int stage,
                                                        const std::vector<llm::Request>& requests);

/// The stage's record of an earlier stage's outputs (throws amgen::Error when it is missing).
[[nodiscard]] nlohmann::json earlier_record(const StageContext& context, int stage);

} // namespace amgen::workflow
