// Retry timing: retryable statuses, Retry-After in both forms, and capped exponential backoff.
#include "llm/retry.hpp"

#include <doctest/doctest.h>

using namespace amgen::llm;
using std::chrono::milliseconds;

TEST_CASE("llm: retryable statuses are 408, 409, 429 and 5xx")
{
  for (long status : { 408L, 409L, 429L, 500L, 502L, 503L, 529L }) {
    CHECK(is_retryable_status(status));
  }
  for (long status : { 200L, 400L, 401L, 403L, 404L, 422L }) {
    CHECK_FALSE(is_retryable_status(status));
  }
}

TEST_CASE("llm: Retry-After is read as seconds or as an HTTP date")
{
  const std::time_t now = 1445412480; // Wed, 21 Oct 2015 07:28:00 GMT
  CHECK(parse_retry_after("3", now) == milliseconds(3000));
  CHECK(parse_retry_after("0.5", now) == milliseconds(500));
  CHECK(parse_retry_after("Wed, 21 Oct 2015 07:28:30 GMT", now) == milliseconds(30000));
  CHECK(parse_retry_after("Wed, 21 Oct 2015 07:00:00 GMT", now) == milliseconds(0));
  CHECK_FALSE(parse_retry_after("soon", now));
  CHECK_FALSE(parse_retry_after("", now));
}

TEST_CASE("llm: backoff doubles up to the maximum with full jitter")
{
  const RetryPolicy policy{ 4, 500, 3000 };
  const Random ceiling = [] { return 1.0; };
  CHECK(retry_delay(policy, 0, std::nullopt, ceiling) == milliseconds(500));
  CHECK(retry_delay(policy, 1, std::nullopt, ceiling) == milliseconds(1000));
  CHECK(retry_delay(policy, 2, std::nullopt, ceiling) == milliseconds(2000));
  CHECK(retry_delay(policy, 3, std::nullopt, ceiling) == milliseconds(3000));
  CHECK(retry_delay(policy, 2, std::nullopt, [] { return 0.25; }) == milliseconds(500));
  CHECK(retry_delay(policy, 0, milliseconds(60000), ceiling) == milliseconds(3000));
  CHECK(retry_delay(policy, 0, milliseconds(1200), ceiling) == milliseconds(1200));
  for (int i = 0; i < 100; ++i) {
    const double value = default_random();
    CHECK((value >= 0.0 && value < 1.0));
  }
}
