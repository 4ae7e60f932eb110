// Cassettes: `--record FILE` appends one JSON line per successful provider exchange
// {key, provider, model, request, response, status}; `--replay FILE` answers by key without any network.
// Only request bodies are stored, never headers, so credentials never reach a cassette.
#pragma once

#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace amgen::llm {

struct CassetteEntry
{
  std::string key;
  std::string provider;
  std::string model;
  nlohmann::json request;
  std::string response; ///< The provider's response body
  long status = 200;
};

class CassetteRecorder
{
public:
  explicit CassetteRecorder(std::string path);
  /// Thread-safe; throws LlmError when the file cannot be written.
  void append(const CassetteEntry& entry);

private:
  std::string m_path;
  std::mutex m_mutex;
};

class CassetteReplay
{
public:
  /// Reads the whole file; throws LlmError naming the file (and line) when it cannot.
  explicit CassetteReplay(const std::string& path);
  /// The first recorded response body for `key`.
  [[nodiscard]] std::optional<std::string> find(const std::string& key) const;
  [[nodiscard]] const std::string& path() const { return m_path; }

private:
  std::string m_path;
  std::map<std::string, std::string> m_responses;
};

} // namespace amgen::llm
