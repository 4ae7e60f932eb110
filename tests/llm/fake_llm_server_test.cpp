// The fake server's script semantics (shared by the in-process server and the amgen_fake_llm tool).
#include "support/fake_llm_server.hpp"

#include <doctest/doctest.h>

using namespace amgen::test;
using nlohmann::json;

TEST_CASE("llm: fake server script serves the first unused matching entry, then a 500 naming the request")
{
  auto script = parse_script(R"({"responses": [
    {"match": "second", "status": 201, "headers": {"X-A": "1"}, "body": {"n": 2}},
    {"body": "first", "delay_ms": 5},
    {"match": "always", "content": "again", "repeat": true}
  ]})");
  std::vector<bool> used;

  const auto first = plan_reply(script, used, "/v1/chat/completions", R"({"q": "one"})");
  CHECK(first.status == 200);
  CHECK(first.body == "first");
  CHECK(first.delay_ms == 5);
  const auto second = plan_reply(script, used, "/v1/chat/completions", R"({"q": "second"})");
  CHECK(second.status == 201);
  CHECK(second.headers.at("X-A") == "1");
  CHECK(json::parse(second.body) == json{ { "n", 2 } });
  for (int i = 0; i < 2; ++i) {
    const auto again = plan_reply(script, used, "/chat/completions", R"({"q": "always"})");
    CHECK(json::parse(again.body)["choices"][0]["message"]["content"] == "again");
  }
  const auto exhausted = plan_reply(script, used, "/chat/completions", R"({"q": "more"})");
  CHECK(exhausted.status == 500);
  CHECK(exhausted.body.find("no scripted response left for POST /chat/completions") != std::string::npos);
  CHECK(plan_reply(script, used, "/elsewhere", "{}").status == 404);
}

TEST_CASE("llm: fake server wraps content in the envelope of the provider path")
{
  std::vector<ScriptedResponse> script = { content_response(json{ { "a", 1 } }), content_response("words"),
                                           content_response(R"({"b": 2})") };
  script[0].usage = json{ { "input_tokens", 11 }, { "output_tokens", 3 } };
  std::vector<bool> used;

  const auto openai = json::parse(plan_reply(script, used, "/chat/completions", R"({"model": "m"})").body);
  CHECK(openai["object"] == "chat.completion");
  CHECK(openai["choices"][0]["message"]["content"] == R"({"a":1})");
  CHECK(openai["usage"] == json{ { "prompt_tokens", 11 }, { "completion_tokens", 3 }, { "total_tokens", 14 } });

  const auto text = json::parse(plan_reply(script, used, "/v1/messages", R"({"model": "m"})").body);
  CHECK(text["content"][0] == json{ { "type", "text" }, { "text", "words" } });
  CHECK(text["stop_reason"] == "end_turn");

  const auto tool =
    json::parse(plan_reply(script, used, "/v1/messages", R"({"model": "m", "tools": [{"name": "plan"}]})").body);
  CHECK(tool["content"][0]["type"] == "tool_use");
  CHECK(tool["content"][0]["name"] == "plan");
  CHECK(tool["content"][0]["input"] == json{ { "b", 2 } });
  CHECK(tool["usage"]["input_tokens"].get<long>() > 0);
}

TEST_CASE("llm: fake server script errors name the bad entry")
{
  CHECK_THROWS_WITH(parse_script(R"({"responses": [3]})"), doctest::Contains("script entry is not an object: 3"));
  CHECK_THROWS_WITH(parse_script(R"([])"), doctest::Contains("\"responses\" array"));
}
