// llm::Client, the real Chat: cache → cassette replay → HTTP with retries → parse and validate (invalid
// structured output goes back to the model with its errors) → cassette record → cache.
#pragma once

#include "llm/chat.hpp"
#include "llm/config.hpp"
#include "llm/http_transport.hpp"
#include "llm/providers.hpp"
#include "llm/retry.hpp"

#include <functional>
#include <memory>
#include <string_view>

namespace amgen::llm {

class CassetteRecorder;
class CassetteReplay;
class ResponseCache;

/// Model calls per complete() before invalid structured output becomes an LlmError.
constexpr int structured_output_attempts = 3;

/// The client's effects, each replaceable: tests pass a sleep recorder; the CLI passes its logger.
struct ClientHooks
{
  std::shared_ptr<Transport> transport;        ///< Default: libcurl with the config's timeouts
  Sleeper sleep;                               ///< Default: std::this_thread::sleep_for
  Random random;                               ///< Default: default_random (backoff jitter)
  std::function<void(std::string_view)> log;   ///< Default: discard. Lines never contain the API key.
};

class Client : public Chat
{
public:
  /// Opens the replay cassette now, so a missing file fails before any work.
  explicit Client(Config config, ClientHooks hooks = {});
  ~Client() override;
  Client(const Client&) = delete;
  Client& operator=(const Client&) = delete;

  [[nodiscard]] Response complete(const Request& request) override;

private:
  [[nodiscard]] std::optional<Response> from_cache(const Request& request, const std::string& key) const;
  /// One model answer for `body`: from the replay cassette, or over HTTP with retries (then recorded).
  [[nodiscard]] ProviderReply exchange(const Request& request, const nlohmann::json& body);
  [[nodiscard]] ProviderReply replayed(const Request& request, const std::string& key) const;
  void log(const std::string& line) const;
  [[nodiscard]] std::string redacted(std::string text) const;

  Config m_config;
  ClientHooks m_hooks;
  std::unique_ptr<ResponseCache> m_cache;
  std::unique_ptr<CassetteRecorder> m_recorder;
  std::unique_ptr<CassetteReplay> m_replay;
};

} // namespace amgen::llm
