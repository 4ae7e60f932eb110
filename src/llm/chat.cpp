// complete_checked (semantic repair loop over any Chat) and complete_all (bounded parallel requests).
#include "llm/chat.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <thread>

namespace amgen::llm {

Response complete_checked(Chat& chat, Request request, const SemanticCheck& check, int max_attempts)
{
  Usage total;
  int attempts = 0;
  std::vector<std::string> errors;
  for (int round = 1; round <= max_attempts; ++round) {
    auto response = chat.complete(request);
    attempts += response.attempts;
    total.input_tokens += response.usage.input_tokens;
    total.output_tokens += response.usage.output_tokens;
    errors = check(response.structured);
    if (errors.empty()) {
      response.usage = total;
      response.attempts = attempts;
      return response;
    }
    std::string feedback = "Your previous answer has these errors:\n";
    for (const auto& error : errors) {
      feedback += "- " + error + "\n";
    }
    request.messages.push_back({ "assistant", response.text });
    request.messages.push_back({ "user", feedback + "Answer again with the complete, corrected result." });
  }
  std::string summary;
  for (const auto& error : errors) {
    summary += (summary.empty() ? "" : "; ") + error;
  }
  throw LlmError("LLM output for stage " + request.stage + " still has errors after " + std::to_string(max_attempts) +
                 " attempts: " + summary);
}

std::vector<Response> complete_all(Chat& chat, const std::vector<Request>& requests, int concurrency)
{
  std::vector<Response> responses(requests.size());
  std::vector<std::exception_ptr> failures(requests.size());
  std::atomic<std::size_t> next{ 0 };
  std::atomic<bool> failed{ false };
  const auto work = [&] {
    // After a failure no new request starts (the ones in flight finish): no money spent on a lost cause.
    for (auto index = next++; index < requests.size() && !failed; index = next++) {
      try {
        responses[index] = chat.complete(requests[index]);
      } catch (...) {
        failures[index] = std::current_exception();
        failed = true;
      }
    }
  };
  const auto workers = std::min<std::size_t>(static_cast<std::size_t>(std::max(concurrency, 1)), requests.size());
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < workers; ++i) {
    threads.emplace_back(work);
  }
  for (auto& thread : threads) {
    thread.join();
  }
  for (const auto& failure : failures) {
    if (failure) {
      std::rethrow_exception(failure);
    }
  }
  return responses;
}

} // namespace amgen::llm
