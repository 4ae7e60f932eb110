// The scripted fake LLM server: the queue logic (plan_reply) and its cpp-httplib front (FakeLlmServer).
#include "support/fake_llm_server.hpp"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <fstream>
#include <httplib.h>
#include <stdexcept>

namespace amgen::test {

using nlohmann::json;

namespace {

bool ends_with(const std::string& text, const std::string& suffix)
{
  return text.size() >= suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string lowercase(std::string text)
{
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

long estimate_tokens(const std::string& text)
{
  return static_cast<long>(text.size() / 4 + 1);
}

json request_json(const std::string& body)
{
  return json::parse(body, nullptr, /*allow_exceptions=*/false);
}

std::string content_text(const json& content)
{
  return content.is_string() ? content.get<std::string>() : content.dump();
}

json usage_numbers(const ScriptedResponse& entry, const std::string& request_body, const std::string& text)
{
  auto usage = json{ { "input_tokens", estimate_tokens(request_body) }, { "output_tokens", estimate_tokens(text) } };
  if (entry.usage) {
    usage.update(*entry.usage);
  }
  return usage;
}

json openai_envelope(const ScriptedResponse& entry, const json& request, const std::string& request_body)
{
  const auto text = content_text(*entry.content);
  const auto usage = usage_numbers(entry, request_body, text);
  const long input = usage["input_tokens"].get<long>();
  const long output = usage["output_tokens"].get<long>();
  return json{ { "id", "chatcmpl-fake" },
               { "object", "chat.completion" },
               { "model", request.value("model", "fake") },
               { "choices",
                 json::array({ { { "index", 0 },
                                 { "message", { { "role", "assistant" }, { "content", text } } },
                                 { "finish_reason", "stop" } } }) },
               { "usage", { { "prompt_tokens", input }, { "completion_tokens", output }, { "total_tokens", input + output } } } };
}

json anthropic_envelope(const ScriptedResponse& entry, const json& request, const std::string& request_body)
{
  const auto& content = *entry.content;
  const auto text = content_text(content);
  json block;
  const bool has_tools = request.is_object() && request.contains("tools") && request["tools"].is_array() &&
                         !request["tools"].empty();
  if (has_tools) {
    auto input = content.is_string() ? request_json(content.get<std::string>()) : content;
    if (input.is_discarded()) {
      input = content;
    }
    block = { { "type", "tool_use" },
              { "id", "toolu_fake" },
              { "name", request["tools"][0].value("name", "result") },
              { "input", input } };
  } else {
    block = { { "type", "text" }, { "text", text } };
  }
  return json{ { "id", "msg_fake" },
               { "type", "message" },
               { "role", "assistant" },
               { "model", request.value("model", "fake") },
               { "content", json::array({ block }) },
               { "stop_reason", has_tools ? "tool_use" : "end_turn" },
               { "usage", usage_numbers(entry, request_body, text) } };
}

} // namespace

ScriptedResponse scripted_response_from_json(const json& entry)
{
  if (!entry.is_object()) {
    throw std::runtime_error("script entry is not an object: " + entry.dump());
  }
  ScriptedResponse response;
  if (entry.contains("match")) {
    response.match = entry.at("match").get<std::string>();
  }
  response.status = entry.value("status", 200);
  const auto headers = entry.value("headers", json::object());
  for (const auto& [name, value] : headers.items()) {
    response.headers[name] = value.is_string() ? value.get<std::string>() : value.dump();
  }
  if (entry.contains("body")) {
    const auto& body = entry.at("body");
    response.body = body.is_string() ? body.get<std::string>() : body.dump();
  }
  if (entry.contains("content")) {
    response.content = entry.at("content");
  }
  if (entry.contains("usage")) {
    response.usage = entry.at("usage");
  }
  response.delay_ms = entry.value("delay_ms", 0);
  response.hang = entry.value("hang", false);
  response.truncate = entry.value("truncate", false);
  response.repeat = entry.value("repeat", false);
  return response;
}

std::vector<ScriptedResponse> parse_script(const std::string& json_text)
{
  const auto script = json::parse(json_text);
  if (!script.is_object() || !script.contains("responses") || !script["responses"].is_array()) {
    throw std::runtime_error("script must be an object with a \"responses\" array");
  }
  std::vector<ScriptedResponse> responses;
  for (const auto& entry : script["responses"]) {
    responses.push_back(scripted_response_from_json(entry));
  }
  return responses;
}

ScriptedResponse content_response(json content)
{
  ScriptedResponse response;
  response.content = std::move(content);
  return response;
}

ScriptedResponse status_response(int status, std::string body)
{
  ScriptedResponse response;
  response.status = status;
  response.body = std::move(body);
  return response;
}

PlannedReply plan_reply(std::vector<ScriptedResponse>& script, std::vector<bool>& used, const std::string& path,
                        const std::string& body)
{
  used.resize(script.size(), false);
  PlannedReply reply;
  reply.headers["Content-Type"] = "application/json";
  const bool openai = ends_with(path, "/chat/completions");
  const bool anthropic = ends_with(path, "/v1/messages");
  if (!openai && !anthropic) {
    reply.status = 404;
    reply.body = json{ { "error", { { "message", "fake LLM server: unknown path " + path } } } }.dump();
    return reply;
  }
  for (std::size_t i = 0; i < script.size(); ++i) {
    const auto& entry = script[i];
    if (used[i] || (entry.match && body.find(*entry.match) == std::string::npos)) {
      continue;
    }
    used[i] = !entry.repeat;
    reply.status = entry.status;
    for (const auto& [name, value] : entry.headers) {
      reply.headers[name] = value;
    }
    if (entry.content) {
      const auto request = request_json(body);
      reply.body = (openai ? openai_envelope(entry, request, body) : anthropic_envelope(entry, request, body)).dump();
    } else {
      reply.body = entry.body;
    }
    reply.delay_ms = entry.delay_ms;
    reply.hang = entry.hang;
    reply.truncate = entry.truncate;
    return reply;
  }
  reply.status = 500;
  reply.body = json{ { "error",
                       { { "message", "fake LLM server: no scripted response left for POST " + path },
                         { "request", body.substr(0, 500) } } } }
                 .dump();
  return reply;
}

FakeLlmServer::FakeLlmServer(std::vector<ScriptedResponse> script, int port)
  : m_server(std::make_unique<httplib::Server>())
  , m_script(std::move(script))
{
  m_server->Post(R"(.*)", [this](const httplib::Request& request, httplib::Response& response) {
    std::map<std::string, std::string> headers;
    for (const auto& [name, value] : request.headers) {
      headers[lowercase(name)] = value;
    }
    PlannedReply reply;
    handle(request.path, headers, request.body, reply);
    response.status = reply.status;
    std::string content_type = "application/json";
    for (const auto& [name, value] : reply.headers) {
      if (lowercase(name) == "content-type") {
        content_type = value;
      } else {
        response.set_header(name, value);
      }
    }
    if (!reply.truncate) {
      response.set_content(reply.body, content_type);
      return;
    }
    auto body = std::make_shared<std::string>(reply.body);
    response.set_content_provider(body->size(), content_type,
                                  [body](std::size_t offset, std::size_t, httplib::DataSink& sink) {
                                    if (offset == 0) {
                                      sink.write(body->data(), body->size() / 2);
                                    }
                                    return false;
                                  });
  });
  m_port = port == 0 ? m_server->bind_to_any_port("127.0.0.1") : (m_server->bind_to_port("127.0.0.1", port) ? port : -1);
  if (m_port <= 0) {
    throw std::runtime_error("fake LLM server: cannot bind 127.0.0.1:" + std::to_string(port));
  }
  m_thread = std::thread([this] { m_server->listen_after_bind(); });
  // httplib's stop() is a no-op until the accept loop runs: wait for it so stop() always ends the thread.
  while (!m_server->is_running()) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
}

FakeLlmServer::~FakeLlmServer()
{
  stop();
}

void FakeLlmServer::handle(const std::string& path, const std::map<std::string, std::string>& headers,
                           const std::string& body, PlannedReply& reply)
{
  const int in_flight = ++m_in_flight;
  int seen = m_max_in_flight.load();
  while (in_flight > seen && !m_max_in_flight.compare_exchange_weak(seen, in_flight)) {
  }
  {
    std::lock_guard lock(m_mutex);
    m_requests.push_back({ path, headers, body });
    if (!m_log_file.empty()) {
      std::ofstream(m_log_file, std::ios::app) << json{ { "path", path }, { "body", body } }.dump() << "\n";
    }
    reply = plan_reply(m_script, m_used, path, body);
  }
  wait_or_stop(reply.hang ? 24 * 3600 * 1000 : reply.delay_ms);
  --m_in_flight;
}

void FakeLlmServer::wait_or_stop(int milliseconds)
{
  if (milliseconds <= 0) {
    return;
  }
  std::unique_lock lock(m_mutex);
  m_stopping_cv.wait_for(lock, std::chrono::milliseconds(milliseconds), [this] { return m_stopping; });
}

void FakeLlmServer::add(ScriptedResponse response)
{
  std::lock_guard lock(m_mutex);
  m_script.push_back(std::move(response));
}

void FakeLlmServer::set_log_file(std::string path)
{
  std::lock_guard lock(m_mutex);
  m_log_file = std::move(path);
}

std::string FakeLlmServer::base_url() const
{
  return "http://127.0.0.1:" + std::to_string(m_port);
}

std::vector<ReceivedRequest> FakeLlmServer::requests() const
{
  std::lock_guard lock(m_mutex);
  return m_requests;
}

void FakeLlmServer::stop()
{
  {
    std::lock_guard lock(m_mutex);
    m_stopping = true;
  }
  m_stopping_cv.notify_all();
  m_server->stop();
  if (m_thread.joinable()) {
    m_thread.join();
  }
}

} // namespace amgen::test
