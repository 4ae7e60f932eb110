// A scripted fake LLM provider on 127.0.0.1 (cpp-httplib): serves queued responses for OpenAI
// (`/chat/completions`) and Anthropic (`/v1/messages`) paths, records what it received and how many
// requests were in flight at once. Used in-process by tests/llm and as the `amgen_fake_llm` tool.
#pragma once

#include <atomic>
#include <condition_variable>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace httplib {
class Server;
}

namespace amgen::test {

/// One scripted answer. With `content` set, the server wraps it in the envelope of the provider whose
/// path was hit (and ignores `body`); otherwise `body` is sent as is.
struct ScriptedResponse
{
  std::optional<std::string> match; ///< Served only to a request whose body contains this substring
  int status = 200;
  std::map<std::string, std::string> headers;
  std::string body;
  std::optional<nlohmann::json> content; ///< Assistant text (string) or structured result (object)
  std::optional<nlohmann::json> usage;   ///< {"input_tokens", "output_tokens"} for the envelope
  int delay_ms = 0;
  bool hang = false;     ///< Never answer (until the server stops)
  bool truncate = false; ///< Declare the full Content-Length, send half the body, close
  bool repeat = false;   ///< Never used up
};

/// A response entry from its script JSON (`{"match", "status", "headers", "body", "content", ...}`).
[[nodiscard]] ScriptedResponse scripted_response_from_json(const nlohmann::json& entry);
/// `{"responses": [...]}` → entries; throws std::runtime_error naming the bad entry.
[[nodiscard]] std::vector<ScriptedResponse> parse_script(const std::string& json_text);

/// Shorthands for tests.
[[nodiscard]] ScriptedResponse content_response(nlohmann::json content);
[[nodiscard]] ScriptedResponse status_response(int status, std::string body = "{}");

struct ReceivedRequest
{
  std::string path;
  std::map<std::string, std::string> headers; ///< Lowercase names
  std::string body;
};

/// What the server decided to send for one request (pure: no sockets), exposed for tests.
struct PlannedReply
{
  int status = 200;
  std::map<std::string, std::string> headers;
  std::string body;
  int delay_ms = 0;
  bool hang = false;
  bool truncate = false;
};

/// Picks the first unused entry matching `body` and renders it for the provider of `path`.
[[nodiscard]] PlannedReply plan_reply(std::vector<ScriptedResponse>& script, std::vector<bool>& used,
                                      const std::string& path, const std::string& body);

class FakeLlmServer
{
public:
  /// Binds 127.0.0.1 (port 0 = OS-chosen) and starts serving on a background thread.
  explicit FakeLlmServer(std::vector<ScriptedResponse> script = {}, int port = 0);
  ~FakeLlmServer();
  FakeLlmServer(const FakeLlmServer&) = delete;
  FakeLlmServer& operator=(const FakeLlmServer&) = delete;

  void add(ScriptedResponse response);
  /// Appends each request as a JSON line {"path", "body"} to this file.
  void set_log_file(std::string path);

  [[nodiscard]] int port() const { return m_port; }
  [[nodiscard]] std::string base_url() const; ///< http://127.0.0.1:<port>
  [[nodiscard]] std::vector<ReceivedRequest> requests() const;
  [[nodiscard]] int max_in_flight() const { return m_max_in_flight.load(); }

  /// Stops listening and releases hung handlers; idempotent.
  void stop();

private:
  void handle(const std::string& path, const std::map<std::string, std::string>& headers, const std::string& body,
              PlannedReply& reply);
  void wait_or_stop(int milliseconds);

  std::unique_ptr<httplib::Server> m_server;
  std::thread m_thread;
  int m_port = 0;

  mutable std::mutex m_mutex;
  std::condition_variable m_stopping_cv;
  bool m_stopping = false;
  std::vector<ScriptedResponse> m_script;
  std::vector<bool> m_used;
  std::vector<ReceivedRequest> m_requests;
  std::string m_log_file;

  std::atomic<int> m_in_flight{ 0 };
  std::atomic<int> m_max_in_flight{ 0 };
};

} // namespace amgen::test
