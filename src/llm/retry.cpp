// Retry timing: which statuses retry, Retry-After parsing, and capped exponential backoff with jitter.
#include "llm/retry.hpp"

#include <algorithm>
#include <cmath>
#include <random>
#include <time.h>

namespace amgen::llm {

bool is_retryable_status(long status)
{
  return status == 408 || status == 409 || status == 429 || (status >= 500 && status <= 599);
}

std::optional<std::chrono::milliseconds> parse_retry_after(const std::string& value, std::time_t now)
{
  if (value.empty()) {
    return std::nullopt;
  }
  if (value.find_first_not_of("0123456789. ") == std::string::npos) {
    try {
      return std::chrono::milliseconds(static_cast<long>(std::stod(value) * 1000));
    } catch (const std::exception&) {
      return std::nullopt;
    }
  }
  std::tm when{};
  const char* end = strptime(value.c_str(), "%a, %d %b %Y %H:%M:%S GMT", &when);
  if (!end || *end != '\0') {
    return std::nullopt;
  }
  const auto seconds = std::max<std::time_t>(0, timegm(&when) - now);
  return std::chrono::milliseconds(static_cast<long>(seconds) * 1000);
}

std::chrono::milliseconds retry_delay(const RetryPolicy& policy, int retry,
                                      std::optional<std::chrono::milliseconds> retry_after, const Random& random)
{
  const auto cap = std::chrono::milliseconds(policy.max_ms);
  if (retry_after) {
    return std::min(*retry_after, cap);
  }
  const double ceiling =
    std::min(static_cast<double>(policy.max_ms), static_cast<double>(policy.initial_ms) * std::pow(2.0, retry));
  return std::chrono::milliseconds(static_cast<long>(ceiling * std::clamp(random(), 0.0, 1.0)));
}

double default_random()
{
  thread_local std::mt19937_64 engine{ std::random_device{}() };
  return std::uniform_real_distribution<double>(0.0, 1.0)(engine);
}

} // namespace amgen::llm
