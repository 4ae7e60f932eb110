// complete_all and complete_checked over the real Client and the fake server: the concurrency limit,
// result order, and semantic errors fed back to the model.
#include "client_fixture.hpp"

#include <doctest/doctest.h>

using namespace amgen;
using namespace amgen::test;
using nlohmann::json;

TEST_CASE("llm: complete_all keeps at most `concurrency` requests in flight and answers in order")
{
  std::vector<ScriptedResponse> script;
  std::vector<llm::Request> requests;
  for (int i = 0; i < 8; ++i) {
    auto response = content_response("answer-" + std::to_string(i));
    response.match = "\"item-" + std::to_string(i) + "\"";
    response.delay_ms = 150;
    script.push_back(response);
    requests.push_back(text_request("item-" + std::to_string(i)));
  }
  FakeLlmServer server(script);
  ClientTrace trace;
  llm::Client client(fake_config(server), trace.hooks());

  const auto responses = llm::complete_all(client, requests, 3);

  REQUIRE(responses.size() == 8);
  for (int i = 0; i < 8; ++i) {
    CHECK(responses[static_cast<std::size_t>(i)].text == "answer-" + std::to_string(i));
  }
  CHECK(server.requests().size() == 8);
  CHECK(server.max_in_flight() == 3);
}

TEST_CASE("llm: complete_all reports a failed request as LlmError")
{
  FakeLlmServer server({ content_response("fine"), status_response(400, R"({"error":{"message":"no"}})") });
  ClientTrace trace;
  llm::Client client(fake_config(server), trace.hooks());

  CHECK_THROWS_AS((void)llm::complete_all(client, { text_request("a"), text_request("b") }, 1), llm::LlmError);
}

TEST_CASE("llm: complete_checked feeds semantic errors back until the output passes")
{
  FakeLlmServer server({ content_response(json{ { "name", "wrong" }, { "count", 1 } }),
                         content_response(json{ { "name", "right" }, { "count", 2 } }) });
  ClientTrace trace;
  llm::Client client(fake_config(server), trace.hooks());
  const llm::SemanticCheck must_be_right = [](const json& result) {
    return result["name"] == "right" ? std::vector<std::string>{}
                                     : std::vector<std::string>{ "amgen.yaml:3:7: name must be right" };
  };

  const auto response = llm::complete_checked(client, structured_request("name it"), must_be_right);

  CHECK(response.structured["name"] == "right");
  CHECK(response.attempts == 2);
  const auto requests = server.requests();
  REQUIRE(requests.size() == 2);
  const auto second = json::parse(requests[1].body);
  CHECK(response.usage.input_tokens ==
        static_cast<long>(requests[0].body.size() / 4 + 1 + requests[1].body.size() / 4 + 1));
  const auto feedback = second["messages"].back()["content"].get<std::string>();
  CHECK(feedback.find("amgen.yaml:3:7: name must be right") != std::string::npos);
  CHECK(second["messages"][second["messages"].size() - 2]["role"] == "assistant");
}

TEST_CASE("llm: complete_checked gives up after max_attempts with the last errors")
{
  auto wrong = content_response(json{ { "name", "wrong" }, { "count", 1 } });
  wrong.repeat = true;
  FakeLlmServer server({ wrong });
  ClientTrace trace;
  llm::Client client(fake_config(server), trace.hooks());
  const llm::SemanticCheck never = [](const json&) { return std::vector<std::string>{ "still wrong" }; };

  CHECK_THROWS_WITH_AS((void)llm::complete_checked(client, structured_request("name it"), never, 2),
                       doctest::Contains("after 2 attempts: still wrong"), llm::LlmError);
  CHECK(server.requests().size() == 2);
}
