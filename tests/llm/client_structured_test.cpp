// The real Client's provider wire formats and structured output: request shapes for OpenAI and
// Anthropic, tool_use parsing, schema repair with the errors sent back, and token accounting.
#include "client_fixture.hpp"

#include <doctest/doctest.h>

using namespace amgen;
using namespace amgen::test;
using nlohmann::json;

namespace {

ScriptedResponse billed(json content, long input_tokens, long output_tokens)
{
  auto response = content_response(std::move(content));
  response.usage = json{ { "input_tokens", input_tokens }, { "output_tokens", output_tokens } };
  return response;
}

} // namespace

TEST_CASE("llm: OpenAI structured request uses response_format json_schema")
{
  FakeLlmServer server({ content_response(json{ { "name", "a" }, { "count", 1 } }) });
  ClientTrace trace;
  llm::Client client(fake_config(server), trace.hooks());
  auto request = structured_request("count things");
  request.max_output_tokens = 321;

  const auto response = client.complete(request);

  CHECK(response.structured == json{ { "name", "a" }, { "count", 1 } });
  const auto requests = server.requests();
  REQUIRE(requests.size() == 1);
  CHECK(requests[0].path == "/chat/completions");
  CHECK(requests[0].headers.at("authorization") == "Bearer " + secret_api_key);
  const auto body = json::parse(requests[0].body);
  CHECK(body["model"] == "test-model");
  CHECK(body["max_completion_tokens"] == 321);
  CHECK(body["messages"] == json::parse(R"([{"role": "system", "content": "You are a test."},
                                             {"role": "user", "content": "count things"}])"));
  CHECK(body["response_format"]["type"] == "json_schema");
  CHECK(body["response_format"]["json_schema"]["name"] == "name_count");
  CHECK(body["response_format"]["json_schema"]["strict"] == false);
  CHECK(body["response_format"]["json_schema"]["schema"] == name_count_schema());
}

TEST_CASE("llm: Anthropic structured request forces one tool and reads its tool_use input")
{
  FakeLlmServer server({ billed(json{ { "name", "b" }, { "count", 2 } }, 40, 7) });
  ClientTrace trace;
  llm::Client client(fake_config(server, "anthropic"), trace.hooks());

  const auto response = client.complete(structured_request("count things"));

  CHECK(response.structured == json{ { "name", "b" }, { "count", 2 } });
  CHECK(json::parse(response.text) == response.structured);
  CHECK(response.usage.input_tokens == 40);
  CHECK(response.usage.output_tokens == 7);
  const auto requests = server.requests();
  REQUIRE(requests.size() == 1);
  CHECK(requests[0].path == "/v1/messages");
  CHECK(requests[0].headers.at("x-api-key") == secret_api_key);
  CHECK(requests[0].headers.at("anthropic-version") == "2023-06-01");
  CHECK(requests[0].headers.count("authorization") == 0);
  const auto body = json::parse(requests[0].body);
  CHECK(body["system"] == "You are a test.");
  CHECK(body["max_tokens"] == 4096);
  CHECK(body["messages"] == json::parse(R"([{"role": "user", "content": "count things"}])"));
  REQUIRE(body["tools"].size() == 1);
  CHECK(body["tools"][0]["name"] == "name_count");
  CHECK(body["tools"][0]["input_schema"] == name_count_schema());
  CHECK(body["tool_choice"] == json{ { "type", "tool" }, { "name", "name_count" } });
}

TEST_CASE("llm: Anthropic plain text joins the text blocks")
{
  FakeLlmServer server({ content_response("just words") });
  ClientTrace trace;
  llm::Client client(fake_config(server, "anthropic"), trace.hooks());

  const auto response = client.complete(text_request("talk"));

  CHECK(response.text == "just words");
  CHECK(response.structured.is_null());
  CHECK(json::parse(server.requests().at(0).body).contains("tools") == false);
}

TEST_CASE("llm: schema-invalid structured output is fixed on the second try with the errors sent back")
{
  for (const std::string provider : { "openai", "anthropic" }) {
    CAPTURE(provider);
    FakeLlmServer server({ billed(json{ { "name", "" }, { "count", 42 }, { "extra", true } }, 100, 10),
                           billed(json{ { "name", "fixed" }, { "count", 3 } }, 150, 12) });
    ClientTrace trace;
    llm::Client client(fake_config(server, provider), trace.hooks());

    const auto response = client.complete(structured_request("count things"));

    CHECK(response.structured == json{ { "name", "fixed" }, { "count", 3 } });
    CHECK(response.attempts == 2);
    CHECK(response.usage.input_tokens == 250);
    CHECK(response.usage.output_tokens == 22);
    const auto requests = server.requests();
    REQUIRE(requests.size() == 2);
    const auto messages = json::parse(requests[1].body)["messages"];
    const auto& repair = messages.back()["content"].get_ref<const std::string&>();
    CHECK(messages[messages.size() - 2]["role"] == "assistant");
    CHECK(messages[messages.size() - 2]["content"].get<std::string>().find("42") != std::string::npos);
    CHECK(repair.find("/count: must be <= 10") != std::string::npos);
    CHECK(repair.find("/name: must be at least 1 characters") != std::string::npos);
    CHECK(repair.find("/extra: property \"extra\" is not allowed") != std::string::npos);
  }
}

TEST_CASE("llm: structured output still invalid after three attempts is an LlmError")
{
  auto invalid = content_response("this is not JSON");
  invalid.repeat = true;
  FakeLlmServer server({ invalid });
  ClientTrace trace;
  llm::Client client(fake_config(server), trace.hooks());

  CHECK_THROWS_WITH_AS(client.complete(structured_request("count things")),
                       doctest::Contains("still invalid after 3 attempts: the output is not valid JSON"),
                       llm::LlmError);
  CHECK(server.requests().size() == 3);
}

TEST_CASE("llm: usage is what the provider billed and prices into a cost")
{
  FakeLlmServer server({ billed("first", 1000, 200), billed("second", 3000, 800) });
  ClientTrace trace;
  llm::Client client(fake_config(server), trace.hooks());

  const auto first = client.complete(text_request("one"));
  const auto second = client.complete(text_request("two"));

  CHECK(first.usage.input_tokens == 1000);
  CHECK(first.usage.output_tokens == 200);
  CHECK(second.usage.input_tokens == 3000);
  CHECK(second.usage.output_tokens == 800);
  const llm::Pricing pricing{ 2.0, 8.0 };
  CHECK(pricing.cost(first.usage) == doctest::Approx(0.0036));
  CHECK(pricing.cost(second.usage) == doctest::Approx(0.0124));
  CHECK(trace.log_lines.size() >= 2);
  CHECK(trace.log_lines.back().find("3000 input + 800 output tokens") != std::string::npos);
}
