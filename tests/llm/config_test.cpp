// resolve_config: flags > environment > config file > defaults, and the errors that name their source.
#include "llm/config.hpp"

#include <doctest/doctest.h>
#include <map>

using namespace amgen;
using amgen::llm::ConfigOverrides;
using amgen::llm::resolve_config;

namespace {

llm::GetEnv env_of(std::map<std::string, std::string> values)
{
  return [values = std::move(values)](const char* name) -> std::optional<std::string> {
    const auto found = values.find(name);
    return found == values.end() ? std::nullopt : std::optional<std::string>(found->second);
  };
}

std::string error_of(const ConfigOverrides& flags, const llm::GetEnv& env, const std::string& file)
{
  try {
    (void)resolve_config(flags, env, file);
  } catch (const Error& error) {
    CHECK(error.status() == ExitStatus::usage);
    return error.what();
  }
  FAIL("resolve_config did not throw");
  return {};
}

} // namespace

TEST_CASE("llm: config defaults come from the provider")
{
  const auto config = resolve_config({}, env_of({ { "OPENAI_API_KEY", "k1" }, { "HOME", "/home/u" } }), "");
  CHECK(config.provider == "openai");
  CHECK(config.base_url == "https://api.openai.com/v1");
  CHECK(config.model == "gpt-4.1");
  CHECK(config.api_key == "k1");
  CHECK(config.total_timeout_s == 300);
  CHECK(config.max_retries == 4);
  CHECK(config.concurrency == 4);
  CHECK(config.cache_dir == "/home/u/.cache/amgen/llm");

  const auto anthropic = resolve_config({}, env_of({ { "AMGEN_LLM_PROVIDER", "anthropic" },
                                                     { "ANTHROPIC_API_KEY", "k2" },
                                                     { "OPENAI_API_KEY", "k1" },
                                                     { "XDG_CACHE_HOME", "/xdg" } }),
                                        "");
  CHECK(anthropic.base_url == "https://api.anthropic.com");
  CHECK(anthropic.api_key == "k2");
  CHECK(anthropic.cache_dir == "/xdg/amgen/llm");
}

TEST_CASE("llm: config precedence is flags > environment > config file > defaults")
{
  const std::string file = "model: file-model\nconcurrency: 2\nmax_retries: 7\nbase_url: http://file.example/v1\n"
                           "price_input_per_mtok: 1.5\nno_cache: true\n";
  const auto env = env_of({ { "OPENAI_API_KEY", "k" }, { "AMGEN_LLM_MODEL", "env-model" },
                            { "AMGEN_LLM_CONCURRENCY", "5" }, { "OPENAI_BASE_URL", "http://openai-env.example/v1" } });

  const auto from_file = resolve_config({}, env_of({ { "OPENAI_API_KEY", "k" } }), file);
  CHECK(from_file.model == "file-model");
  CHECK(from_file.concurrency == 2);
  CHECK(from_file.max_retries == 7);
  CHECK(from_file.price_input_per_mtok == doctest::Approx(1.5));
  CHECK(from_file.no_cache);
  CHECK(from_file.base_url == "http://file.example/v1");

  const auto from_env = resolve_config({}, env, file);
  CHECK(from_env.model == "env-model");
  CHECK(from_env.concurrency == 5);
  CHECK(from_env.max_retries == 7);
  CHECK(from_env.base_url == "http://openai-env.example/v1");

  ConfigOverrides flags;
  flags.model = "flag-model";
  flags.concurrency = 9;
  flags.base_url = "http://127.0.0.1:9/v1/";
  const auto from_flags = resolve_config(flags, env, file);
  CHECK(from_flags.model == "flag-model");
  CHECK(from_flags.concurrency == 9);
  CHECK(from_flags.base_url == "http://127.0.0.1:9/v1");
  CHECK(from_flags.max_retries == 7);

  const auto generic_env =
    resolve_config({}, env_of({ { "OPENAI_API_KEY", "k" }, { "OPENAI_BASE_URL", "http://a.example" },
                                { "AMGEN_LLM_BASE_URL", "http://b.example" } }),
                   "");
  CHECK(generic_env.base_url == "http://b.example");
}

TEST_CASE("llm: config errors name the flag, variable or key")
{
  ConfigOverrides bad_provider;
  bad_provider.provider = "gemini";
  CHECK(error_of(bad_provider, env_of({}), "").find("unknown LLM provider 'gemini' (from --provider)") !=
        std::string::npos);
  CHECK(error_of({}, env_of({ { "AMGEN_LLM_PROVIDER", "mistral" } }), "").find("(from AMGEN_LLM_PROVIDER)") !=
        std::string::npos);
  CHECK(error_of({}, env_of({}), "").find("no API key for LLM provider openai: set OPENAI_API_KEY") !=
        std::string::npos);
  CHECK(error_of({}, env_of({ { "AMGEN_LLM_PROVIDER", "anthropic" } }), "").find("set ANTHROPIC_API_KEY") !=
        std::string::npos);
  CHECK(error_of({}, env_of({ { "OPENAI_API_KEY", "k" }, { "AMGEN_LLM_TIMEOUT", "soon" } }), "")
          .find("AMGEN_LLM_TIMEOUT: expected a non-negative number, got 'soon'") != std::string::npos);
  CHECK(error_of({}, env_of({ { "OPENAI_API_KEY", "k" } }), "colour: blue\n").find("'colour'") != std::string::npos);
  CHECK(error_of({}, env_of({ { "OPENAI_API_KEY", "k" } }), "provider: [openai\n").find("LLM config file") !=
        std::string::npos);
}

TEST_CASE("llm: config needs no key for a loopback server or a replay")
{
  ConfigOverrides local;
  local.base_url = "http://127.0.0.1:8080";
  CHECK(resolve_config(local, env_of({}), "").api_key.empty());
  ConfigOverrides replay;
  replay.replay_file = "run.jsonl";
  CHECK(resolve_config(replay, env_of({}), "").replay_file == "run.jsonl");
  CHECK(llm::is_loopback_url("http://localhost:1/v1"));
  CHECK(llm::is_loopback_url("http://[::1]:8080"));
  CHECK_FALSE(llm::is_loopback_url("https://127.0.0.1.example.com/v1"));
  CHECK_FALSE(llm::is_loopback_url("https://api.openai.com/v1"));
}

TEST_CASE("llm: config file path follows AMGEN_CONFIG, then XDG_CONFIG_HOME, then HOME")
{
  CHECK(llm::config_file_path(env_of({ { "AMGEN_CONFIG", "/c.yaml" }, { "HOME", "/h" } })) == "/c.yaml");
  CHECK(llm::config_file_path(env_of({ { "XDG_CONFIG_HOME", "/x" }, { "HOME", "/h" } })) == "/x/amgen/config.yaml");
  CHECK(llm::config_file_path(env_of({ { "HOME", "/h" } })) == "/h/.config/amgen/config.yaml");
}
