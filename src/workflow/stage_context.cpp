// The model-call wrapper of the stages: budget check before, token booking and a state save after.
#include "workflow/stage_context.hpp"

#include "util/error.hpp"

#include <fmt/format.h>

namespace amgen::workflow {
namespace {

void check_budget(StageContext& context, int stage, const TokenCount& next)
{
  const auto spent = context.state.tokens_spent();
  context.console.info(fmt::format("stage {} {}: forecast up to {} input + {} output tokens ({} spent so far)", stage,
                                   stage_name(stage), next.input, next.output, spent.total()));
  const auto refusal = budget_refusal(
    spent, next, {context.options.max_tokens, context.options.max_cost}, context.pricing);
  if (!refusal.empty()) {
    throw Error(fmt::format("budget: {}; the work so far is kept, re-run with --resume and a higher limit", refusal),
                ExitStatus::budget_exceeded);
  }
}

void book(StageContext& context, int stage, const llm::Response& response)
{
  auto& record = context.state.stages.at(static_cast<std::size_t>(stage));
  const TokenCount used{response.usage.input_tokens, response.usage.output_tokens};
  record.tokens += used;
  record.cost += cost_of(used, context.pricing);
  record.attempts += response.attempts;
}

} // namespace

llm::Response call_model(StageContext& context, int stage, llm::Request request, const llm::SemanticCheck& check)
{
  request.stage = fmt::format("{}-{}", stage, stage_name(stage));
  check_budget(context, stage, forecast(request));
  const llm::SemanticCheck no_check = [](const nlohmann::json&) { return std::vector<std::string>{}; };
  auto response = llm::complete_checked(context.chat, std::move(request), check ? check : no_check,
                                        k_max_checked_attempts);
  book(context, stage, response);
  save_state(context.out, context.state);
  return response;
}

std::vector<llm::Response> call_model_all(StageContext& context, int stage, const std::vector<llm::Request>& requests)
{
  auto staged = requests;
  for (auto& request : staged) {
    request.stage = fmt::format("{}-{}", stage, stage_name(stage));
  }
  check_budget(context, stage, forecast(staged));
  auto responses = llm::complete_all(context.chat, staged, context.options.concurrency);
  for (const auto& response : responses) {
    book(context, stage, response);
  }
  save_state(context.out, context.state);
  return responses;
}

nlohmann::json earlier_record(const StageContext& context, int stage)
{
  return load_stage_record(context.out, stage);
}

} // namespace amgen::workflow
