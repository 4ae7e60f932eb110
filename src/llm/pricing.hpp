// What a provider charges, in USD per million tokens, and the cost of a Usage at that price.
#pragma once

#include "llm/chat.hpp"

namespace amgen::llm {

struct Pricing
{
  double input_per_mtok = 0.0;
  double output_per_mtok = 0.0;

  [[nodiscard]] double cost(const Usage& usage) const
  {
    return (static_cast<double>(usage.input_tokens) * input_per_mtok +
            static_cast<double>(usage.output_tokens) * output_per_mtok) /
           1e6;
  }
};

} // namespace amgen::llm
