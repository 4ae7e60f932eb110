// resolve_config: one ordered chain of layers (defaults, config file, environment, flags) over a table
// of settings, so every name a user can set is listed once, with the variable that sets it.
#include "llm/config.hpp"

#include "util/error.hpp"

#include <array>
#include <cstdlib>
#include <stdexcept>
#include <variant>
#include <yaml-cpp/yaml.h>

namespace amgen::llm {

namespace {

using Member = std::variant<std::string Config::*, double Config::*, int Config::*, long Config::*, bool Config::*>;

struct Setting
{
  const char* name;   ///< Config-file key and field name
  const char* env;    ///< Environment variable, or nullptr
  const char* flag;   ///< Command-line flag, or nullptr
  Member member;
};

const std::array<Setting, 16> settings = { {
  { "provider", "AMGEN_LLM_PROVIDER", "--provider", &Config::provider },
  { "base_url", "AMGEN_LLM_BASE_URL", "--base-url", &Config::base_url },
  { "model", "AMGEN_LLM_MODEL", "--model", &Config::model },
  { "api_key", nullptr, nullptr, &Config::api_key },
  { "connect_timeout_s", "AMGEN_LLM_CONNECT_TIMEOUT", nullptr, &Config::connect_timeout_s },
  { "total_timeout_s", "AMGEN_LLM_TIMEOUT", "--llm-timeout", &Config::total_timeout_s },
  { "max_retries", "AMGEN_LLM_MAX_RETRIES", "--llm-retries", &Config::max_retries },
  { "backoff_initial_ms", nullptr, nullptr, &Config::backoff_initial_ms },
  { "backoff_max_ms", nullptr, nullptr, &Config::backoff_max_ms },
  { "concurrency", "AMGEN_LLM_CONCURRENCY", "--concurrency", &Config::concurrency },
  { "cache_dir", "AMGEN_LLM_CACHE_DIR", "--cache-dir", &Config::cache_dir },
  { "record_file", "AMGEN_LLM_RECORD", "--record", &Config::record_file },
  { "replay_file", "AMGEN_LLM_REPLAY", "--replay", &Config::replay_file },
  { "no_cache", "AMGEN_LLM_NO_CACHE", "--no-cache", &Config::no_cache },
  { "price_input_per_mtok", "AMGEN_LLM_PRICE_INPUT", nullptr, &Config::price_input_per_mtok },
  { "price_output_per_mtok", "AMGEN_LLM_PRICE_OUTPUT", nullptr, &Config::price_output_per_mtok },
} };

struct ProviderDefaults
{
  const char* name;
  const char* key_env;
  const char* base_url_env;
  const char* base_url;
  const char* model;
};

const std::array<ProviderDefaults, 2> providers = { {
  { "openai", "OPENAI_API_KEY", "OPENAI_BASE_URL", "https://api.openai.com/v1", "gpt-4.1" },
  { "anthropic", "ANTHROPIC_API_KEY", "ANTHROPIC_BASE_URL", "https://api.anthropic.com", "claude-sonnet-4-5" },
} };

[[noreturn]] void fail(const std::string& message)
{
  throw Error(message, ExitStatus::usage);
}

const ProviderDefaults* find_provider(const std::string& name)
{
  for (const auto& provider : providers) {
    if (name == provider.name) {
      return &provider;
    }
  }
  return nullptr;
}

bool parse_bool(const std::string& text, const std::string& source)
{
  if (text == "1" || text == "true" || text == "yes" || text == "on") {
    return true;
  }
  if (text == "0" || text == "false" || text == "no" || text == "off" || text.empty()) {
    return false;
  }
  fail(source + ": expected true or false, got '" + text + "'");
}

template<typename Number>
Number parse_number(const std::string& text, const std::string& source)
{
  try {
    std::size_t used = 0;
    const double value = std::stod(text, &used);
    if (used == text.size() && value >= 0) {
      return static_cast<Number>(value);
    }
  } catch (const std::exception&) {
  }
  fail(source + ": expected a non-negative number, got '" + text + "'");
}

void set(Config& config, const Setting& setting, const std::string& text, const std::string& source)
{
  std::visit(
    [&](auto member) {
      using Value = std::remove_reference_t<decltype(config.*member)>;
      if constexpr (std::is_same_v<Value, std::string>) {
        config.*member = text;
      } else if constexpr (std::is_same_v<Value, bool>) {
        config.*member = parse_bool(text, source);
      } else {
        config.*member = parse_number<Value>(text, source);
      }
    },
    setting.member);
  if (std::string_view(setting.name) == "provider" && !find_provider(text)) {
    fail("unknown LLM provider '" + text + "' (from " + source + "): expected openai or anthropic");
  }
  if (std::string_view(setting.name) == "concurrency" && config.concurrency < 1) {
    fail(source + ": concurrency must be at least 1");
  }
}

const Setting* find_setting(std::string_view name)
{
  for (const auto& setting : settings) {
    if (name == setting.name) {
      return &setting;
    }
  }
  return nullptr;
}

const Setting& setting_named(std::string_view name)
{
  if (const auto* setting = find_setting(name)) {
    return *setting;
  }
  throw std::logic_error("no LLM setting named " + std::string(name));
}

void apply_config_file(Config& config, const std::string& text)
{
  YAML::Node root;
  try {
    root = YAML::Load(text);
  } catch (const YAML::Exception& error) {
    fail("LLM config file: " + std::string(error.what()));
  }
  if (!root || root.IsNull()) {
    return;
  }
  if (!root.IsMap()) {
    fail("LLM config file: expected a mapping of setting names to values");
  }
  for (const auto& entry : root) {
    const auto key = entry.first.as<std::string>();
    const auto* found = find_setting(key);
    if (!found || !entry.second.IsScalar()) {
      fail("LLM config file: unknown key or non-scalar value '" + key + "'");
    }
    set(config, *found, entry.second.as<std::string>(), "config file key " + key);
  }
}

void apply_environment(Config& config, const GetEnv& getenv, const ProviderDefaults& provider)
{
  if (auto key = getenv(provider.key_env)) {
    config.api_key = *key;
  }
  if (auto url = getenv(provider.base_url_env); url && !url->empty()) {
    config.base_url = *url;
  }
  for (const auto& setting : settings) {
    if (!setting.env) {
      continue;
    }
    if (auto value = getenv(setting.env); value && !value->empty()) {
      set(config, setting, *value, setting.env);
    }
  }
}

void apply_flags(Config& config, const ConfigOverrides& flags)
{
  const auto apply = [&](const char* name, const auto& value) {
    if (!value) {
      return;
    }
    const auto& setting = setting_named(name);
    if constexpr (std::is_same_v<std::decay_t<decltype(*value)>, std::string>) {
      set(config, setting, *value, setting.flag);
    } else if constexpr (std::is_same_v<std::decay_t<decltype(*value)>, bool>) {
      set(config, setting, *value ? "true" : "false", setting.flag);
    } else {
      set(config, setting, std::to_string(*value), setting.flag);
    }
  };
  apply("provider", flags.provider);
  apply("base_url", flags.base_url);
  apply("model", flags.model);
  apply("total_timeout_s", flags.total_timeout_s);
  apply("max_retries", flags.max_retries);
  apply("concurrency", flags.concurrency);
  apply("cache_dir", flags.cache_dir);
  apply("record_file", flags.record_file);
  apply("replay_file", flags.replay_file);
  apply("no_cache", flags.no_cache);
}

std::string default_cache_dir(const GetEnv& getenv)
{
  if (auto xdg = getenv("XDG_CACHE_HOME"); xdg && !xdg->empty()) {
    return *xdg + "/amgen/llm";
  }
  if (auto home = getenv("HOME"); home && !home->empty()) {
    return *home + "/.cache/amgen/llm";
  }
  return {};
}

} // namespace

Config resolve_config(const ConfigOverrides& flags, const GetEnv& getenv, const std::string& config_file_text_or_empty)
{
  // The provider decides which key and base-URL variables apply, so it is resolved first, by the same chain.
  Config provider_only;
  apply_config_file(provider_only, config_file_text_or_empty);
  if (auto value = getenv("AMGEN_LLM_PROVIDER"); value && !value->empty()) {
    set(provider_only, setting_named("provider"), *value, "AMGEN_LLM_PROVIDER");
  }
  if (flags.provider) {
    set(provider_only, setting_named("provider"), *flags.provider, "--provider");
  }
  const auto& provider = *find_provider(provider_only.provider);

  Config config;
  apply_config_file(config, config_file_text_or_empty);
  apply_environment(config, getenv, provider);
  apply_flags(config, flags);

  config.base_url = config.base_url.empty() ? provider.base_url : config.base_url;
  while (!config.base_url.empty() && config.base_url.back() == '/') {
    config.base_url.pop_back();
  }
  config.model = config.model.empty() ? provider.model : config.model;
  config.cache_dir = config.cache_dir.empty() ? default_cache_dir(getenv) : config.cache_dir;
  if (config.api_key.empty() && config.replay_file.empty() && !is_loopback_url(config.base_url)) {
    fail(std::string("no API key for LLM provider ") + provider.name + ": set " + provider.key_env +
         " (or choose another provider with --provider / AMGEN_LLM_PROVIDER)");
  }
  if (config.total_timeout_s <= 0 || config.connect_timeout_s <= 0) {
    fail("LLM timeouts must be positive (--llm-timeout / AMGEN_LLM_TIMEOUT / AMGEN_LLM_CONNECT_TIMEOUT)");
  }
  return config;
}

std::string config_file_path(const GetEnv& getenv)
{
  if (auto path = getenv("AMGEN_CONFIG"); path && !path->empty()) {
    return *path;
  }
  if (auto xdg = getenv("XDG_CONFIG_HOME"); xdg && !xdg->empty()) {
    return *xdg + "/amgen/config.yaml";
  }
  if (auto home = getenv("HOME"); home && !home->empty()) {
    return *home + "/.config/amgen/config.yaml";
  }
  return {};
}

std::optional<std::string> process_env(const char* name)
{
  const char* value = std::getenv(name);
  return value ? std::optional<std::string>(value) : std::nullopt;
}

bool is_loopback_url(const std::string& url)
{
  const auto scheme_end = url.find("://");
  auto host = url.substr(scheme_end == std::string::npos ? 0 : scheme_end + 3);
  if (!host.empty() && host.front() == '[') {
    return host.rfind("[::1]", 0) == 0;
  }
  host = host.substr(0, host.find_first_of(":/"));
  const bool ipv4_loopback = host.rfind("127.", 0) == 0 && host.find_first_not_of("0123456789.") == std::string::npos;
  return host == "localhost" || ipv4_loopback;
}

} // namespace amgen::llm
