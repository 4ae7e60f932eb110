// The real Client against the fake server when the transport misbehaves: rate limits, server errors,
// hung connections, cut-off and invalid bodies.
#include "client_fixture.hpp"

#include <doctest/doctest.h>

using namespace amgen;
using namespace amgen::test;
using std::chrono::milliseconds;

namespace {

ScriptedResponse with_header(ScriptedResponse response, const std::string& name, const std::string& value)
{
  response.headers[name] = value;
  return response;
}

std::string llm_error_message(llm::Client& client, const llm::Request& request)
{
  try {
    (void)client.complete(request);
  } catch (const llm::LlmError& error) {
    CHECK(error.status() == ExitStatus::llm_or_network);
    return error.what();
  }
  FAIL("complete() did not throw LlmError");
  return {};
}

} // namespace

TEST_CASE("llm: 429 with Retry-After waits the server's delay, capped at the backoff maximum")
{
  FakeLlmServer server({ with_header(status_response(429, R"({"error":{"message":"slow down"}})"), "Retry-After", "2"),
                         with_header(status_response(429, "{}"), "Retry-After", "120"),
                         content_response("hello") });
  ClientTrace trace;
  auto config = fake_config(server);
  config.backoff_max_ms = 5000;
  llm::Client client(config, trace.hooks());

  const auto response = client.complete(text_request("hi"));

  CHECK(response.text == "hello");
  CHECK(response.attempts == 1);
  REQUIRE(trace.sleeps.size() == 2);
  CHECK(trace.sleeps[0] == milliseconds(2000));
  CHECK(trace.sleeps[1] == milliseconds(5000));
  CHECK(server.requests().size() == 3);
}

TEST_CASE("llm: 500 then success backs off exponentially")
{
  FakeLlmServer server({ status_response(500), status_response(503), content_response("recovered") });
  ClientTrace trace;
  llm::Client client(fake_config(server), trace.hooks());

  const auto response = client.complete(text_request("hi"));

  CHECK(response.text == "recovered");
  CHECK(trace.sleeps == std::vector<milliseconds>{ milliseconds(100), milliseconds(200) });
  CHECK(server.requests().size() == 3);
}

TEST_CASE("llm: a hung connection hits the total timeout and is retried")
{
  ScriptedResponse hang;
  hang.hang = true;
  FakeLlmServer server({ hang, content_response("late but fine"), hang });
  ClientTrace trace;
  auto config = fake_config(server);
  config.total_timeout_s = 1;
  config.max_retries = 1;

  SUBCASE("success on the scripted response after the timeout")
  {
    llm::Client client(config, trace.hooks());
    const auto started = std::chrono::steady_clock::now();
    CHECK(client.complete(text_request("hi")).text == "late but fine");
    CHECK(std::chrono::steady_clock::now() - started >= milliseconds(900));
    CHECK(trace.sleeps.size() == 1);
  }
  SUBCASE("LlmError when every try times out")
  {
    config.max_retries = 0;
    llm::Client client(config, trace.hooks());
    const auto message = llm_error_message(client, text_request("hi"));
    CHECK(message.find("network error") != std::string::npos);
    CHECK(message.find("after 1 tries") != std::string::npos);
  }
}

TEST_CASE("llm: a truncated body is retried")
{
  auto truncated = content_response("cut");
  truncated.truncate = true;
  FakeLlmServer server({ truncated, content_response("whole") });
  ClientTrace trace;
  llm::Client client(fake_config(server), trace.hooks());

  CHECK(client.complete(text_request("hi")).text == "whole");
  CHECK(server.requests().size() == 2);
  CHECK(trace.sleeps.size() == 1);
}

TEST_CASE("llm: an invalid JSON body is retried, then reported")
{
  auto invalid = status_response(200, R"({"choices": [{"message": )");
  invalid.repeat = true;
  FakeLlmServer server({ invalid });
  ClientTrace trace;
  llm::Client client(fake_config(server), trace.hooks());

  const auto message = llm_error_message(client, text_request("hi"));

  CHECK(message.find("not valid JSON") != std::string::npos);
  CHECK(message.find("after 3 tries") != std::string::npos);
  CHECK(server.requests().size() == 3);
}

TEST_CASE("llm: a client error is not retried and names the provider's message")
{
  FakeLlmServer server({ status_response(400, R"({"error":{"message":"model not found"}})") });
  ClientTrace trace;
  llm::Client client(fake_config(server), trace.hooks());

  const auto message = llm_error_message(client, text_request("hi"));

  CHECK(message.find("HTTP 400") != std::string::npos);
  CHECK(message.find("model not found") != std::string::npos);
  CHECK(server.requests().size() == 1);
  CHECK(trace.sleeps.empty());
}

TEST_CASE("llm: an unreachable server is a network LlmError")
{
  FakeLlmServer server;
  auto config = fake_config(server);
  server.stop();
  ClientTrace trace;
  config.max_retries = 1;
  llm::Client client(config, trace.hooks());

  CHECK(llm_error_message(client, text_request("hi")).find("network error") != std::string::npos);
  CHECK(trace.sleeps.size() == 1);
}
