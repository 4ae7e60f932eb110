// Shared set-up for the llm tests: a Client pointed at a FakeLlmServer, with recorded sleeps and logs.
#pragma once

#include "llm/client.hpp"
#include "support/fake_llm_server.hpp"

#include <chrono>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace amgen::test {

/// A key that must never appear in any file or log line the client writes.
inline const std::string secret_api_key = "sk-test-SECRET-4f9a2c";

/// Collects what the client would have slept and logged, instead of sleeping.
struct ClientTrace
{
  std::mutex mutex;
  std::vector<std::chrono::milliseconds> sleeps;
  std::vector<std::string> log_lines;

  [[nodiscard]] llm::ClientHooks hooks()
  {
    llm::ClientHooks hooks;
    hooks.sleep = [this](std::chrono::milliseconds delay) {
      std::lock_guard lock(mutex);
      sleeps.push_back(delay);
    };
    hooks.random = [] { return 1.0; }; // jitter pinned to the ceiling
    hooks.log = [this](std::string_view line) {
      std::lock_guard lock(mutex);
      log_lines.emplace_back(line);
    };
    return hooks;
  }
};

inline llm::Config fake_config(const FakeLlmServer& server, const std::string& provider = "openai")
{
  llm::Config config;
  config.provider = provider;
  config.base_url = server.base_url();
  config.model = "test-model";
  config.api_key = secret_api_key;
  config.total_timeout_s = 5;
  config.max_retries = 2;
  config.backoff_initial_ms = 100;
  config.backoff_max_ms = 1000;
  config.no_cache = true;
  return config;
}

inline llm::Request text_request(const std::string& prompt)
{
  llm::Request request;
  request.stage = "test";
  request.system = "You are a test.";
  request.messages = { { "user", prompt } };
  return request;
}

/// {"name": string (minLength 1), "count": integer 0..10}, both required, nothing else.
inline nlohmann::json name_count_schema()
{
  return nlohmann::json::parse(R"({
    "type": "object",
    "properties": {"name": {"type": "string", "minLength": 1}, "count": {"type": "integer", "minimum": 0, "maximum": 10}},
    "required": ["name", "count"],
    "additionalProperties": false
  })");
}

inline llm::Request structured_request(const std::string& prompt)
{
  auto request = text_request(prompt);
  request.schema = name_count_schema();
  request.schema_name = "name_count";
  return request;
}

} // namespace amgen::test
