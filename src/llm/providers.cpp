// OpenAI chat completions and Anthropic messages: one row per provider in a table of pure functions.
#include "llm/providers.hpp"

#include <array>
#include <stdexcept>

namespace amgen::llm {

using nlohmann::json;

namespace {

json parse_or_discarded(const std::string& text)
{
  return json::parse(text, nullptr, /*allow_exceptions=*/false);
}

long number_at(const json& object, const char* key)
{
  return object.is_object() && object.contains(key) && object[key].is_number_integer() ? object[key].get<long>() : 0;
}

/// Some models fence JSON in ```json ... ``` even when asked for JSON: accept that.
std::string without_code_fence(const std::string& text)
{
  const auto start = text.find_first_not_of(" \t\r\n");
  if (start == std::string::npos || text.compare(start, 3, "```") != 0) {
    return text;
  }
  const auto first_line_end = text.find('\n', start);
  const auto fence_end = text.rfind("```");
  if (first_line_end == std::string::npos || fence_end <= first_line_end) {
    return text;
  }
  return text.substr(first_line_end + 1, fence_end - first_line_end - 1);
}

json openai_body(const std::string& model, const Request& request)
{
  json messages = json::array();
  if (!request.system.empty()) {
    messages.push_back({ { "role", "system" }, { "content", request.system } });
  }
  for (const auto& message : request.messages) {
    messages.push_back({ { "role", message.role }, { "content", message.content } });
  }
  json body = { { "model", model }, { "messages", messages }, { "max_completion_tokens", request.max_output_tokens } };
  if (request.schema) {
    body["response_format"] = {
      { "type", "json_schema" },
      { "json_schema", { { "name", request.schema_name }, { "schema", *request.schema }, { "strict", false } } }
    };
  }
  return body;
}

ParsedReply openai_parse(const Request& request, const json& body)
{
  if (!body.contains("choices") || !body["choices"].is_array() || body["choices"].empty() ||
      !body["choices"][0].contains("message")) {
    return BodyError{ "response has no choices[0].message" };
  }
  const auto& choice = body["choices"][0];
  const auto& message = choice["message"];
  ProviderReply reply;
  const auto& usage = body.value("usage", json::object());
  reply.usage = { number_at(usage, "prompt_tokens"), number_at(usage, "completion_tokens") };
  if (message.contains("refusal") && message["refusal"].is_string()) {
    reply.output_problem = "the model refused: " + message["refusal"].get<std::string>();
    return reply;
  }
  if (!message.contains("content") || !message["content"].is_string()) {
    return BodyError{ "response has no choices[0].message.content string" };
  }
  reply.text = message["content"].get<std::string>();
  if (choice.value("finish_reason", "") == "length") {
    reply.output_problem = "the output was cut off at max_completion_tokens";
  } else if (request.schema) {
    reply.structured = parse_or_discarded(without_code_fence(reply.text));
    if (reply.structured.is_discarded()) {
      reply.structured = nullptr;
      reply.output_problem = "the output is not valid JSON";
    }
  }
  return reply;
}

json anthropic_body(const std::string& model, const Request& request)
{
  json messages = json::array();
  for (const auto& message : request.messages) {
    messages.push_back({ { "role", message.role }, { "content", message.content } });
  }
  json body = { { "model", model }, { "max_tokens", request.max_output_tokens }, { "messages", messages } };
  if (!request.system.empty()) {
    body["system"] = request.system;
  }
  if (request.schema) {
    body["tools"] = json::array({ { { "name", request.schema_name },
                                    { "description", "Return the result in this exact structure." },
                                    { "input_schema", *request.schema } } });
    body["tool_choice"] = { { "type", "tool" }, { "name", request.schema_name } };
  }
  return body;
}

ParsedReply anthropic_parse(const Request& request, const json& body)
{
  if (!body.contains("content") || !body["content"].is_array()) {
    return BodyError{ "response has no content array" };
  }
  ProviderReply reply;
  const auto& usage = body.value("usage", json::object());
  reply.usage = { number_at(usage, "input_tokens"), number_at(usage, "output_tokens") };
  for (const auto& block : body["content"]) {
    const auto type = block.value("type", "");
    if (type == "text") {
      reply.text += block.value("text", "");
    } else if (type == "tool_use" && request.schema && reply.structured.is_null()) {
      reply.structured = block.value("input", json());
    }
  }
  if (body.value("stop_reason", "") == "max_tokens") {
    reply.output_problem = "the output was cut off at max_tokens";
  } else if (request.schema && reply.structured.is_null()) {
    reply.output_problem = "the answer has no tool_use block for " + request.schema_name;
  } else if (request.schema) {
    reply.text = reply.structured.dump();
  }
  return reply;
}

struct ProviderFormat
{
  const char* name;
  const char* path;
  json (*body)(const std::string& model, const Request& request);
  ParsedReply (*parse)(const Request& request, const json& body);
};

const std::array<ProviderFormat, 2> formats = { {
  { "openai", "/chat/completions", openai_body, openai_parse },
  { "anthropic", "/v1/messages", anthropic_body, anthropic_parse },
} };

const ProviderFormat& format_of(const std::string& provider)
{
  for (const auto& format : formats) {
    if (provider == format.name) {
      return format;
    }
  }
  throw std::invalid_argument("unknown LLM provider " + provider);
}

} // namespace

json request_body(const std::string& provider, const std::string& model, const Request& request)
{
  return format_of(provider).body(model, request);
}

std::string endpoint_url(const std::string& provider, const std::string& base_url)
{
  return base_url + format_of(provider).path;
}

HttpHeaders request_headers(const std::string& provider, const std::string& api_key)
{
  HttpHeaders headers = { { "Content-Type", "application/json" } };
  if (provider == "anthropic") {
    headers.emplace_back("anthropic-version", "2023-06-01");
    if (!api_key.empty()) {
      headers.emplace_back("x-api-key", api_key);
    }
  } else if (!api_key.empty()) {
    headers.emplace_back("Authorization", "Bearer " + api_key);
  }
  return headers;
}

ParsedReply parse_reply(const std::string& provider, const Request& request, const std::string& body)
{
  const auto parsed = parse_or_discarded(body);
  if (parsed.is_discarded()) {
    return BodyError{ "response body is not valid JSON (" + std::to_string(body.size()) + " bytes; truncated?)" };
  }
  if (!parsed.is_object()) {
    return BodyError{ "response body is not a JSON object" };
  }
  return format_of(provider).parse(request, parsed);
}

std::string provider_error_message(const std::string& body)
{
  const auto parsed = parse_or_discarded(body);
  if (parsed.is_object() && parsed.contains("error")) {
    const auto& error = parsed["error"];
    if (error.is_object() && error.contains("message") && error["message"].is_string()) {
      return error["message"].get<std::string>();
    }
    return error.dump();
  }
  return body.substr(0, 200);
}

} // namespace amgen::llm
