// The two provider wire formats as pure functions: a Request → HTTP endpoint + JSON body, and a
// response body → the assistant's output and usage, or the reason the body is unusable.
#pragma once

#include "llm/chat.hpp"
#include "llm/config.hpp"
#include "llm/http_transport.hpp"

#include <nlohmann/json.hpp>
#include <string>
#include <variant>

namespace amgen::llm {

/// What one provider answer carried.
struct ProviderReply
{
  std::string text;          ///< Assistant text; for structured output the JSON text of the result
  nlohmann::json structured; ///< Structured candidate (Anthropic tool input; OpenAI: parsed text) or null
  Usage usage;
  std::string output_problem; ///< Set when the model's output itself is unusable (cut at max tokens, refusal)
};

/// Parse failure of a response body (truncated, invalid JSON, missing fields): retryable.
struct BodyError
{
  std::string message;
};

using ParsedReply = std::variant<ProviderReply, BodyError>;

/// The JSON body for `request` (no credentials, no base URL: it doubles as the cache key material).
[[nodiscard]] nlohmann::json request_body(const std::string& provider, const std::string& model, const Request& request);

/// `POST` target for the provider at `base_url`.
[[nodiscard]] std::string endpoint_url(const std::string& provider, const std::string& base_url);

/// Content type, version and credential headers (the caller must never log these).
[[nodiscard]] HttpHeaders request_headers(const std::string& provider, const std::string& api_key);

[[nodiscard]] ParsedReply parse_reply(const std::string& provider, const Request& request, const std::string& body);

/// The provider's own error message in an error body, if it has one.
[[nodiscard]] std::string provider_error_message(const std::string& body);

} // namespace amgen::llm
