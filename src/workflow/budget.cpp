// Budget arithmetic: forecasts and the limit check made before each model call.
#include "workflow/budget.hpp"

#include <fmt/format.h>

namespace amgen::workflow {

double cost_of(const TokenCount& tokens, const Pricing& pricing)
{
  return (static_cast<double>(tokens.input) * pricing.input_per_mtok
          + static_cast<double>(tokens.output) * pricing.output_per_mtok)
         / 1e6;
}

TokenCount forecast(const llm::Request& request)
{
  std::size_t characters = request.system.size();
  for (const auto& message : request.messages) {
    characters += message.content.size();
  }
  if (request.schema) {
    characters += request.schema->dump().size();
  }
  return {static_cast<long>((characters + 3) / 4), request.max_output_tokens};
}

TokenCount forecast(const std::vector<llm::Request>& requests)
{
  TokenCount total;
  for (const auto& request : requests) {
    total += forecast(request);
  }
  return total;
}

std::string budget_refusal(const TokenCount& spent, const TokenCount& next, const BudgetLimits& limits,
                           const Pricing& pricing)
{
  TokenCount after = spent;
  after += next;
  if (limits.max_tokens > 0 && after.total() > limits.max_tokens) {
    return fmt::format("--max-tokens {} would be crossed: {} tokens spent, the next call may use up to {}",
                       limits.max_tokens, spent.total(), next.total());
  }
  if (limits.max_cost > 0 && cost_of(after, pricing) > limits.max_cost) {
    return fmt::format("--max-cost {:.2f} would be crossed: ${:.4f} spent, the next call may cost up to ${:.4f}",
                       limits.max_cost, cost_of(spent, pricing), cost_of(next, pricing));
  }
  return {};
}

} // namespace amgen::workflow
