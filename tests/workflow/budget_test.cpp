// Forecasts, costs and the limit check.
#include "workflow/budget.hpp"

#include <doctest/doctest.h>

namespace amgen::workflow {

TEST_SUITE("workflow::budget")
{
  TEST_CASE("workflow: a forecast is prompt characters / 4 plus the output limit")
  {
    llm::Request request;
    request.system = std::string(40, 's');
    request.messages = {{"user", std::string(39, 'u')}};
    request.max_output_tokens = 500;
    const auto tokens = forecast(request);
    CHECK(tokens.input == 20);
    CHECK(tokens.output == 500);
    CHECK(forecast(std::vector<llm::Request>{request, request}).total() == 1040);
  }

  TEST_CASE("workflow: costs use the price per million tokens")
  {
    CHECK(cost_of({1'000'000, 500'000}, {3.0, 15.0}) == doctest::Approx(10.5));
  }

  TEST_CASE("workflow: a call that would cross a limit is refused, one that fits is not")
  {
    const Pricing pricing{3.0, 15.0};
    CHECK(budget_refusal({100, 50}, {10, 10}, {200, 0}, pricing).empty());
    CHECK(budget_refusal({100, 50}, {30, 30}, {200, 0}, pricing)
          == "--max-tokens 200 would be crossed: 150 tokens spent, the next call may use up to 60");
    CHECK(budget_refusal({0, 0}, {1'000'000, 0}, {0, 2.0}, pricing)
          == "--max-cost 2.00 would be crossed: $0.0000 spent, the next call may cost up to $3.0000");
    CHECK(budget_refusal({1'000'000, 1'000'000}, {1'000'000, 1'000'000}, {}, pricing).empty());
  }
}

} // namespace amgen::workflow
