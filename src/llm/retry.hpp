// When to try an HTTP exchange again and how long to wait: exponential backoff with full jitter,
// or the server's Retry-After (seconds or HTTP date), capped at the backoff maximum.
#pragma once

#include <chrono>
#include <ctime>
#include <functional>
#include <optional>
#include <string>

namespace amgen::llm {

struct RetryPolicy
{
  int max_retries = 4;
  long initial_ms = 500;
  long max_ms = 30000;
};

/// Sleeps for the given time; injected so tests record delays instead of waiting.
using Sleeper = std::function<void(std::chrono::milliseconds)>;
/// A uniform random number in [0, 1); injected so tests can pin the jitter.
using Random = std::function<double()>;

/// Statuses worth another try: 408, 409, 429 and every 5xx.
[[nodiscard]] bool is_retryable_status(long status);

/// Retry-After as a delay from `now`: "120" or "Wed, 21 Oct 2015 07:28:00 GMT"; nullopt when unparsable.
[[nodiscard]] std::optional<std::chrono::milliseconds> parse_retry_after(const std::string& value, std::time_t now);

/// Delay before retry number `retry` (0-based): Retry-After when given (capped), else
/// random · min(max, initial · 2^retry).
[[nodiscard]] std::chrono::milliseconds retry_delay(const RetryPolicy& policy, int retry,
                                                    std::optional<std::chrono::milliseconds> retry_after,
                                                    const Random& random);

[[nodiscard]] double default_random();

} // namespace amgen::llm
