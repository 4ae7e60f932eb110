// The LLM client's settings and the one place their precedence lives:
// command-line flags > environment > config file (YAML, keys = field names) > defaults.
#pragma once

#include "llm/pricing.hpp"

#include <functional>
#include <optional>
#include <string>

namespace amgen::llm {

struct Config
{
  std::string provider = "openai"; ///< "openai" or "anthropic"
  std::string base_url;            ///< Provider default when unset
  std::string model;               ///< Provider default when unset
  std::string api_key;             ///< Never logged, cached or recorded
  double connect_timeout_s = 10;
  double total_timeout_s = 300;
  int max_retries = 4; ///< Transport retries after the first try
  long backoff_initial_ms = 500;
  long backoff_max_ms = 30000;
  int concurrency = 4;
  std::string cache_dir; ///< Empty: no cache
  std::string record_file;
  std::string replay_file;
  bool no_cache = false;
  double price_input_per_mtok = 0;
  double price_output_per_mtok = 0;
};

/// Values given on the command line; unset fields fall through to the environment.
struct ConfigOverrides
{
  std::optional<std::string> provider;
  std::optional<std::string> base_url;
  std::optional<std::string> model;
  std::optional<double> total_timeout_s;
  std::optional<int> max_retries;
  std::optional<int> concurrency;
  std::optional<std::string> cache_dir;
  std::optional<std::string> record_file;
  std::optional<std::string> replay_file;
  std::optional<bool> no_cache;
};

using GetEnv = std::function<std::optional<std::string>(const char*)>;

/// Resolves every setting; throws amgen::Error (exit 2) naming the flag, variable or config key at fault:
/// unknown provider, bad number, unknown config key, or no API key for a non-loopback base URL (unless
/// replaying a cassette, which never touches the network).
[[nodiscard]] Config resolve_config(const ConfigOverrides& flags, const GetEnv& getenv,
                                    const std::string& config_file_text_or_empty);

/// `$AMGEN_CONFIG`, else `$XDG_CONFIG_HOME/amgen/config.yaml`, else `~/.config/amgen/config.yaml`.
[[nodiscard]] std::string config_file_path(const GetEnv& getenv);

/// The process environment as a GetEnv.
[[nodiscard]] std::optional<std::string> process_env(const char* name);

[[nodiscard]] bool is_loopback_url(const std::string& url);

[[nodiscard]] inline Pricing pricing_of(const Config& config)
{
  return { config.price_input_per_mtok, config.price_output_per_mtok };
}

} // namespace amgen::llm
