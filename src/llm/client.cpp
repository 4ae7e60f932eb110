// Client::complete: the path of one request through cache, replay, HTTP retries, validation and repair.
#include "llm/client.hpp"

#include "llm/cache.hpp"
#include "llm/cassette.hpp"
#include "llm/json_schema_check.hpp"

#include <chrono>
#include <ctime>
#include <thread>

namespace amgen::llm {

using nlohmann::json;

namespace {

void add(Usage& total, const Usage& more)
{
  total.input_tokens += more.input_tokens;
  total.output_tokens += more.output_tokens;
}

/// What is wrong with a model answer for `request`; empty when it is usable.
std::vector<std::string> output_errors(const Request& request, const ProviderReply& reply)
{
  if (!request.schema) {
    return {};
  }
  if (!reply.output_problem.empty()) {
    return { reply.output_problem };
  }
  std::vector<std::string> errors;
  for (const auto& error : json_schema_errors(*request.schema, reply.structured)) {
    errors.push_back(to_string(error));
  }
  return errors;
}

std::string repair_message(const std::vector<std::string>& errors)
{
  std::string message = "Your previous answer does not match the required JSON schema:\n";
  for (const auto& error : errors) {
    message += "- " + error + "\n";
  }
  return message + "Answer again with the complete, corrected result only.";
}

std::string joined(const std::vector<std::string>& errors)
{
  std::string text;
  for (const auto& error : errors) {
    text += (text.empty() ? "" : "; ") + error;
  }
  return text;
}

std::optional<std::chrono::milliseconds> server_retry_after(const HttpResult& result)
{
  if (auto found = result.headers.find("retry-after-ms"); found != result.headers.end()) {
    try {
      return std::chrono::milliseconds(std::stol(found->second));
    } catch (const std::exception&) {
    }
  }
  const auto found = result.headers.find("retry-after");
  return found == result.headers.end() ? std::nullopt : parse_retry_after(found->second, std::time(nullptr));
}

} // namespace

Client::Client(Config config, ClientHooks hooks)
  : m_config(std::move(config))
  , m_hooks(std::move(hooks))
{
  if (!m_hooks.transport) {
    m_hooks.transport = make_curl_transport(m_config.connect_timeout_s, m_config.total_timeout_s);
  }
  if (!m_hooks.sleep) {
    m_hooks.sleep = [](std::chrono::milliseconds delay) { std::this_thread::sleep_for(delay); };
  }
  if (!m_hooks.random) {
    m_hooks.random = default_random;
  }
  if (!m_config.no_cache && !m_config.cache_dir.empty()) {
    m_cache = std::make_unique<ResponseCache>(m_config.cache_dir);
  }
  if (!m_config.record_file.empty()) {
    m_recorder = std::make_unique<CassetteRecorder>(m_config.record_file);
  }
  if (!m_config.replay_file.empty()) {
    m_replay = std::make_unique<CassetteReplay>(m_config.replay_file);
  }
}

Client::~Client() = default;

Response Client::complete(const Request& request)
{
  const auto first_body = request_body(m_config.provider, m_config.model, request);
  const auto cache_key = request_key(m_config.provider, m_config.model, first_body);
  if (auto cached = from_cache(request, cache_key)) {
    log("llm[" + request.stage + "]: cache hit " + cache_key.substr(0, 12));
    return *cached;
  }
  Request conversation = request;
  Response response;
  std::vector<std::string> errors;
  for (int attempt = 1; attempt <= structured_output_attempts; ++attempt) {
    const auto body = attempt == 1 ? first_body : request_body(m_config.provider, m_config.model, conversation);
    const auto reply = exchange(request, body);
    response.attempts = attempt;
    add(response.usage, reply.usage);
    errors = output_errors(request, reply);
    if (errors.empty()) {
      response.text = reply.text;
      response.structured = request.schema ? reply.structured : json();
      if (m_cache && !m_cache->store(cache_key, { response.text, response.usage })) {
        log("llm[" + request.stage + "]: could not write the cache entry " + cache_key.substr(0, 12));
      }
      return response;
    }
    log("llm[" + request.stage + "]: invalid output (" + std::to_string(errors.size()) + " errors), attempt " +
        std::to_string(attempt) + " of " + std::to_string(structured_output_attempts));
    conversation.messages.push_back({ "assistant", reply.text.empty() ? "(no usable output)" : reply.text });
    conversation.messages.push_back({ "user", repair_message(errors) });
  }
  throw LlmError(redacted("LLM output for stage " + request.stage + " still invalid after " +
                          std::to_string(structured_output_attempts) + " attempts: " + joined(errors)));
}

std::optional<Response> Client::from_cache(const Request& request, const std::string& key) const
{
  if (!m_cache) {
    return std::nullopt;
  }
  const auto cached = m_cache->load(key);
  if (!cached) {
    return std::nullopt;
  }
  Response response;
  response.text = cached->text;
  response.from_cache = true;
  if (request.schema) {
    response.structured = json::parse(cached->text, nullptr, /*allow_exceptions=*/false);
    if (response.structured.is_discarded() || !json_schema_errors(*request.schema, response.structured).empty()) {
      return std::nullopt;
    }
  }
  return response;
}

ProviderReply Client::exchange(const Request& request, const json& body)
{
  const auto key = request_key(m_config.provider, m_config.model, body);
  if (m_replay) {
    return replayed(request, key);
  }
  const auto url = endpoint_url(m_config.provider, m_config.base_url);
  const auto headers = request_headers(m_config.provider, m_config.api_key);
  const auto text = body.dump();
  const RetryPolicy policy{ m_config.max_retries, m_config.backoff_initial_ms, m_config.backoff_max_ms };
  const std::string prefix = "llm[" + request.stage + "]: ";
  for (int retry = 0;; ++retry) {
    log(prefix + "POST " + url + " (" + m_config.model + ", " + std::to_string(text.size()) + " bytes)");
    const auto started = std::chrono::steady_clock::now();
    const auto result = m_hooks.transport->post(url, headers, text);
    const auto elapsed =
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count();
    std::string problem;
    std::optional<std::chrono::milliseconds> retry_after;
    if (!result.network_error.empty()) {
      problem = "network error: " + result.network_error;
    } else if (result.status >= 200 && result.status < 300) {
      auto parsed = parse_reply(m_config.provider, request, result.body);
      if (auto* reply = std::get_if<ProviderReply>(&parsed)) {
        log(prefix + "HTTP " + std::to_string(result.status) + " in " + std::to_string(elapsed) + " ms, " +
            std::to_string(reply->usage.input_tokens) + " input + " + std::to_string(reply->usage.output_tokens) +
            " output tokens");
        if (m_recorder) {
          m_recorder->append({ key, m_config.provider, m_config.model, body, result.body, result.status });
        }
        return *reply;
      }
      problem = std::get<BodyError>(parsed).message;
    } else if (is_retryable_status(result.status)) {
      problem = "HTTP " + std::to_string(result.status) + ": " + provider_error_message(result.body);
      retry_after = server_retry_after(result);
    } else {
      throw LlmError(redacted("LLM request for stage " + request.stage + " failed: HTTP " +
                              std::to_string(result.status) + " from " + m_config.provider + ": " +
                              provider_error_message(result.body)));
    }
    if (retry >= m_config.max_retries) {
      throw LlmError(redacted("LLM request for stage " + request.stage + " failed after " +
                              std::to_string(retry + 1) + " tries: " + problem));
    }
    const auto delay = retry_delay(policy, retry, retry_after, m_hooks.random);
    log(prefix + problem + "; retrying in " + std::to_string(delay.count()) + " ms (retry " +
        std::to_string(retry + 1) + " of " + std::to_string(m_config.max_retries) + ")");
    m_hooks.sleep(delay);
  }
}

ProviderReply Client::replayed(const Request& request, const std::string& key) const
{
  const auto recorded = m_replay->find(key);
  if (!recorded) {
    throw LlmError("no response for key " + key + " (stage " + request.stage + ") in the LLM cassette " +
                   m_replay->path() + "; re-record it with --record");
  }
  auto parsed = parse_reply(m_config.provider, request, *recorded);
  if (auto* error = std::get_if<BodyError>(&parsed)) {
    throw LlmError("unusable response for key " + key + " in the LLM cassette " + m_replay->path() + ": " +
                   error->message);
  }
  log("llm[" + request.stage + "]: replayed " + key.substr(0, 12) + " from " + m_replay->path());
  auto reply = std::get<ProviderReply>(parsed);
  reply.usage = {};
  return reply;
}

void Client::log(const std::string& line) const
{
  if (m_hooks.log) {
    m_hooks.log(redacted(line));
  }
}

std::string Client::redacted(std::string text) const
{
  const auto& key = m_config.api_key;
  if (key.empty()) {
    return text;
  }
  for (auto at = text.find(key); at != std::string::npos; at = text.find(key, at)) {
    text.replace(at, key.size(), "[redacted]");
  }
  return text;
}

} // namespace amgen::llm
