// The amgen_fake_llm process as the end-to-end tests use it: script file in, port file out, request
// log, and a clean exit on SIGTERM. Built next to `amgen` (AMGEN_BINARY).
#include "client_fixture.hpp"
#include "support/temp_dir.hpp"

#include <chrono>
#include <csignal>
#include <doctest/doctest.h>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <spawn.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using namespace amgen;
using namespace amgen::test;
using nlohmann::json;
namespace fs = std::filesystem;

extern char** environ;

namespace {

pid_t spawn(const std::vector<std::string>& arguments)
{
  std::vector<char*> argv;
  for (const auto& argument : arguments) {
    argv.push_back(const_cast<char*>(argument.c_str()));
  }
  argv.push_back(nullptr);
  // The tool's "listening on" line would clutter the test output.
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  pid_t pid = 0;
  const int spawned = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  REQUIRE(spawned == 0);
  return pid;
}

int port_from(const fs::path& port_file)
{
  for (int i = 0; i < 500 && !fs::exists(port_file); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  REQUIRE(fs::exists(port_file));
  return std::stoi(read_file(port_file));
}

} // namespace

TEST_CASE("llm: amgen_fake_llm serves a script file, logs requests and stops on SIGTERM")
{
  TempDir temp;
  temp.write_tree({ { "script.json", R"({"responses": [
                      {"match": "second", "content": {"name": "two", "count": 2}},
                      {"content": "first answer"}]})" } });
  const auto tool = (fs::path(AMGEN_BINARY).parent_path() / "amgen_fake_llm").string();
  const auto pid = spawn({ tool, "--script", (temp.path() / "script.json").string(), "--port-file",
                           (temp.path() / "port").string(), "--log", (temp.path() / "requests.jsonl").string() });
  const int port = port_from(temp.path() / "port");

  llm::Config config;
  config.provider = "anthropic";
  config.base_url = "http://127.0.0.1:" + std::to_string(port);
  config.model = "m";
  config.no_cache = true;
  config.max_retries = 0;
  ClientTrace trace;
  llm::Client client(config, trace.hooks());
  CHECK(client.complete(text_request("first")).text == "first answer");
  CHECK(client.complete(structured_request("second")).structured == json{ { "name", "two" }, { "count", 2 } });
  CHECK_THROWS_WITH_AS(client.complete(text_request("third")), doctest::Contains("no scripted response left"),
                       llm::LlmError);

  REQUIRE(kill(pid, SIGTERM) == 0);
  int status = 0;
  REQUIRE(waitpid(pid, &status, 0) == pid);
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
  std::ifstream log(temp.path() / "requests.jsonl");
  std::vector<json> logged;
  for (std::string line; std::getline(log, line);) {
    logged.push_back(json::parse(line));
  }
  REQUIRE(logged.size() == 3);
  CHECK(logged[0]["path"] == "/v1/messages");
  CHECK(json::parse(logged[1]["body"].get<std::string>())["tools"][0]["name"] == "name_count");
}
