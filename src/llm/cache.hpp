// The content-addressed response cache: key = sha256 of {provider, model, request body} in canonical
// JSON; one file per key at <dir>/<key[0:2]>/<key>.json, written atomically. It never holds credentials.
#pragma once

#include "llm/chat.hpp"

#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace amgen::llm {

/// The key of one request: the same for the cache and for cassettes.
[[nodiscard]] std::string request_key(const std::string& provider, const std::string& model,
                                      const nlohmann::json& body);

struct CachedAnswer
{
  std::string text;
  Usage usage; ///< What the answer cost when it was first bought (informational)
};

class ResponseCache
{
public:
  explicit ResponseCache(std::filesystem::path dir);

  /// Nullopt on a miss or an unreadable entry.
  [[nodiscard]] std::optional<CachedAnswer> load(const std::string& key) const;
  /// False when the entry could not be written (the cache is an optimisation: callers carry on).
  bool store(const std::string& key, const CachedAnswer& answer) const;

  [[nodiscard]] std::filesystem::path path_of(const std::string& key) const;

private:
  std::filesystem::path m_dir;
};

} // namespace amgen::llm
