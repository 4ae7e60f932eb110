// Cassette files as JSON lines: appended under a lock while recording, indexed by key for replay.
#include "llm/cassette.hpp"

#include "llm/chat.hpp"

#include <fstream>

namespace amgen::llm {

using nlohmann::json;

CassetteRecorder::CassetteRecorder(std::string path)
  : m_path(std::move(path))
{
}

void CassetteRecorder::append(const CassetteEntry& entry)
{
  // A JSON response is stored as JSON so the cassette stays readable; anything else as a string.
  auto response = json::parse(entry.response, nullptr, /*allow_exceptions=*/false);
  if (response.is_discarded()) {
    response = entry.response;
  }
  const json line = { { "key", entry.key },         { "provider", entry.provider }, { "model", entry.model },
                      { "request", entry.request }, { "response", response },       { "status", entry.status } };
  std::lock_guard lock(m_mutex);
  std::ofstream out(m_path, std::ios::app);
  out << line.dump() << "\n";
  if (!out.flush()) {
    throw LlmError("cannot append to the LLM cassette " + m_path);
  }
}

CassetteReplay::CassetteReplay(const std::string& path)
  : m_path(path)
{
  std::ifstream in(path);
  if (!in) {
    throw LlmError("cannot read the LLM cassette " + path);
  }
  std::string text;
  for (int number = 1; std::getline(in, text); ++number) {
    if (text.find_first_not_of(" \t\r") == std::string::npos) {
      continue;
    }
    const auto line = json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (!line.is_object() || !line.contains("key") || !line["key"].is_string() || !line.contains("response")) {
      throw LlmError(path + ":" + std::to_string(number) + ": not a cassette entry {key, response, ...}");
    }
    const auto& response = line["response"];
    m_responses.emplace(line["key"].get<std::string>(),
                        response.is_string() ? response.get<std::string>() : response.dump());
  }
}

std::optional<std::string> CassetteReplay::find(const std::string& key) const
{
  const auto found = m_responses.find(key);
  return found == m_responses.end() ? std::nullopt : std::optional<std::string>(found->second);
}

} // namespace amgen::llm
