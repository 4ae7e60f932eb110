// The real Client's stores: the response cache, cassette record/replay, and the API key kept out of
// every file and log line they produce.
#include "client_fixture.hpp"
#include "llm/cache.hpp"
#include "llm/providers.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>
#include <filesystem>

using namespace amgen;
using namespace amgen::test;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

std::string all_files_text(const fs::path& dir)
{
  std::string text;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (entry.is_regular_file()) {
      text += read_file(entry.path());
    }
  }
  return text;
}

} // namespace

TEST_CASE("llm: a cache hit makes zero HTTP requests")
{
  TempDir temp;
  FakeLlmServer server({ content_response(json{ { "name", "cached" }, { "count", 5 } }),
                         content_response(json{ { "name", "other" }, { "count", 6 } }) });
  ClientTrace trace;
  auto config = fake_config(server);
  config.no_cache = false;
  config.cache_dir = (temp.path() / "cache").string();

  const auto request = structured_request("count things");
  const auto first = llm::Client(config, trace.hooks()).complete(request);
  REQUIRE(server.requests().size() == 1);
  CHECK_FALSE(first.from_cache);

  auto same_but_other_stage = request;
  same_but_other_stage.stage = "another-stage";
  const auto second = llm::Client(config, trace.hooks()).complete(same_but_other_stage);

  CHECK(server.requests().size() == 1);
  CHECK(second.from_cache);
  CHECK(second.structured == first.structured);
  CHECK(second.usage.input_tokens == 0);
  CHECK(second.usage.output_tokens == 0);
  const auto key = llm::request_key("openai", "test-model", llm::request_body("openai", "test-model", request));
  CHECK(fs::exists(fs::path(config.cache_dir) / key.substr(0, 2) / (key + ".json")));

  CHECK(llm::Client(config, trace.hooks()).complete(structured_request("something else")).structured["name"] ==
        "other");
  CHECK(server.requests().size() == 2);
}

TEST_CASE("llm: record to a cassette, then replay it with the server stopped")
{
  TempDir temp;
  const auto cassette = (temp.path() / "run.cassette.jsonl").string();
  const auto request = structured_request("count things");
  llm::Response recorded;
  {
    FakeLlmServer server({ content_response(json{ { "name", "" }, { "count", 1 } }),
                           content_response(json{ { "name", "ok" }, { "count", 1 } }),
                           content_response("plain words") });
    ClientTrace trace;
    auto config = fake_config(server);
    config.record_file = cassette;
    llm::Client client(config, trace.hooks());
    recorded = client.complete(request);
    CHECK(client.complete(text_request("talk")).text == "plain words");
    CHECK(server.requests().size() == 3);
  }
  const auto lines = read_file(cassette);
  CHECK(std::count(lines.begin(), lines.end(), '\n') == 3);
  const auto first_line = json::parse(lines.substr(0, lines.find('\n')));
  CHECK(first_line["provider"] == "openai");
  CHECK(first_line["model"] == "test-model");
  CHECK(first_line["status"] == 200);
  CHECK(first_line["request"]["messages"][1]["content"] == "count things");

  FakeLlmServer stopped;
  auto config = fake_config(stopped);
  stopped.stop();
  config.replay_file = cassette;
  ClientTrace trace;
  llm::Client replaying(config, trace.hooks());

  const auto replayed = replaying.complete(request);
  CHECK(replayed.structured == recorded.structured);
  CHECK(replayed.attempts == 2);
  CHECK(replaying.complete(text_request("talk")).text == "plain words");

  auto unknown = text_request("never recorded");
  unknown.stage = "3-plan";
  CHECK_THROWS_WITH_AS(replaying.complete(unknown), doctest::Contains("(stage 3-plan) in the LLM cassette"),
                       llm::LlmError);
  CHECK_THROWS_AS(llm::Client([&] {
                    auto missing = config;
                    missing.replay_file = (temp.path() / "missing.jsonl").string();
                    return missing;
                  }(), trace.hooks()),
                  llm::LlmError);
}

TEST_CASE("llm: the API key is absent from cassettes, cache files, log lines and errors")
{
  TempDir temp;
  FakeLlmServer server({ status_response(500), content_response(json{ { "name", "x" }, { "count", 1 } }),
                         status_response(401, json{ { "error", { { "message", "bad key " + secret_api_key } } } }.dump()) });
  ClientTrace trace;
  auto config = fake_config(server);
  config.no_cache = false;
  config.cache_dir = (temp.path() / "cache").string();
  config.record_file = (temp.path() / "cassette.jsonl").string();
  llm::Client client(config, trace.hooks());

  (void)client.complete(structured_request("count things"));
  std::string error_message;
  try {
    (void)client.complete(text_request("fail please"));
  } catch (const llm::LlmError& error) {
    error_message = error.what();
  }

  CHECK(server.requests().at(0).headers.at("authorization").find(secret_api_key) != std::string::npos);
  const auto stored = all_files_text(temp.path());
  CHECK(stored.find("\"name\"") != std::string::npos);
  CHECK(stored.find(secret_api_key) == std::string::npos);
  CHECK(error_message.find("bad key [redacted]") != std::string::npos);
  REQUIRE(trace.log_lines.size() >= 3);
  for (const auto& line : trace.log_lines) {
    CHECK(line.find(secret_api_key) == std::string::npos);
  }
}
