// The one interface the workflow talks to a language model through. The real implementation is
// llm::Client (HTTP via libcurl); tests substitute a fake *server*, never a fake result in the client.
#pragma once

#include "util/error.hpp"

#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace amgen::llm {

struct Message
{
  std::string role; ///< "user" or "assistant"
  std::string content;
};

struct Request
{
  std::string stage; ///< e.g. "2-intake": token accounting per stage; not part of the cache key
  std::string system;
  std::vector<Message> messages;
  std::optional<nlohmann::json> schema; ///< Set: structured output, validated against this JSON Schema
  std::string schema_name = "result";
  long max_output_tokens = 4096;
};

struct Usage
{
  long input_tokens = 0;
  long output_tokens = 0;
};

struct Response
{
  std::string text;              ///< The raw text (for structured output: the JSON text)
  nlohmann::json structured;     ///< Parsed and schema-valid when the request had a schema; null otherwise
  Usage usage;                   ///< What the provider billed (zero when served from cache or cassette)
  bool from_cache = false;
  int attempts = 1;              ///< Model calls made for this response (structured repairs count)
};

/// Thrown for LLM and network failures that retries could not cure (exit code 5).
class LlmError : public Error
{
public:
  explicit LlmError(std::string message)
    : Error(std::move(message), ExitStatus::llm_or_network)
  {
  }
};

class Chat
{
public:
  virtual ~Chat() = default;
  /// One completion. With `request.schema`, the output is parsed and validated against the schema;
  /// invalid output is sent back to the model with the errors (bounded) before LlmError is thrown.
  /// Thread-safe: complete_all calls it from several threads.
  [[nodiscard]] virtual Response complete(const Request& request) = 0;
};

/// Errors found in a structured result beyond its schema (e.g. the spec validator's diagnostics).
using SemanticCheck = std::function<std::vector<std::string>(const nlohmann::json&)>;

/// Asks until the output passes `check` too; each failure goes back to the model as a user message
/// listing the errors. Throws LlmError after `max_attempts`. Usage of all attempts is summed.
[[nodiscard]] Response complete_checked(Chat& chat, Request request, const SemanticCheck& check,
                                        int max_attempts = 3);

/// Runs independent requests with at most `concurrency` in flight; results in request order.
/// After a failure no further request starts; the first failure in request order is rethrown.
[[nodiscard]] std::vector<Response> complete_all(Chat& chat, const std::vector<Request>& requests,
                                                 int concurrency);

} // namespace amgen::llm
