// The token and cost budget of a workflow run: prices, forecasts (prompt characters / 4 plus the
// requested output tokens) and the check made before every model call.
#pragma once

#include "llm/chat.hpp"
#include "llm/pricing.hpp"

#include <string>
#include <vector>

namespace amgen::workflow {

/// USD per million tokens (llm::Pricing); zero prices make every cost zero.
using Pricing = llm::Pricing;

struct TokenCount
{
  long input = 0;
  long output = 0;

  [[nodiscard]] long total() const { return input + output; }
  TokenCount& operator+=(const TokenCount& other)
  {
    input += other.input;
    output += other.output;
    return *this;
  }
};

[[nodiscard]] double cost_of(const TokenCount& tokens, const Pricing& pricing);

/// The tokens one request may use at most: its prompt's characters / 4 and its output limit.
[[nodiscard]] TokenCount forecast(const llm::Request& request);
[[nodiscard]] TokenCount forecast(const std::vector<llm::Request>& requests);

struct BudgetLimits
{
  long max_tokens = 0; ///< 0: no limit
  double max_cost = 0; ///< 0: no limit
};

/// Why the next call may not be made, or empty when it fits: `spent` so far plus `next` would cross a limit.
[[nodiscard]] std::string budget_refusal(const TokenCount& spent, const TokenCount& next, const BudgetLimits& limits,
                                         const Pricing& pricing);

} // namespace amgen::workflow
