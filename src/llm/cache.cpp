// ResponseCache: JSON files under a two-character fan-out, replaced by rename so readers never see half.
#include "llm/cache.hpp"

#include "util/sha256.hpp"

#include <cstdio>
#include <fstream>
#include <sstream>
#include <unistd.h>

namespace amgen::llm {

using nlohmann::json;

std::string request_key(const std::string& provider, const std::string& model, const json& body)
{
  // nlohmann::json keeps object keys sorted and dump() adds no whitespace: the text is canonical.
  return util::sha256_hex(json{ { "provider", provider }, { "model", model }, { "body", body } }.dump());
}

ResponseCache::ResponseCache(std::filesystem::path dir)
  : m_dir(std::move(dir))
{
}

std::filesystem::path ResponseCache::path_of(const std::string& key) const
{
  return m_dir / key.substr(0, 2) / (key + ".json");
}

std::optional<CachedAnswer> ResponseCache::load(const std::string& key) const
{
  std::ifstream in(path_of(key));
  if (!in) {
    return std::nullopt;
  }
  std::stringstream text;
  text << in.rdbuf();
  const auto entry = json::parse(text.str(), nullptr, /*allow_exceptions=*/false);
  if (!entry.is_object() || !entry.contains("text") || !entry["text"].is_string()) {
    return std::nullopt;
  }
  const auto usage = entry.value("usage", json::object());
  return CachedAnswer{ entry["text"].get<std::string>(),
                       { usage.value("input_tokens", 0L), usage.value("output_tokens", 0L) } };
}

bool ResponseCache::store(const std::string& key, const CachedAnswer& answer) const
{
  const auto target = path_of(key);
  std::error_code error;
  std::filesystem::create_directories(target.parent_path(), error);
  if (error) {
    return false;
  }
  auto temporary = (target.parent_path() / (key + ".tmp-XXXXXX")).string();
  const int fd = ::mkstemp(temporary.data());
  if (fd < 0) {
    return false;
  }
  ::close(fd);
  const json entry = { { "key", key },
                       { "text", answer.text },
                       { "usage",
                         { { "input_tokens", answer.usage.input_tokens },
                           { "output_tokens", answer.usage.output_tokens } } } };
  {
    std::ofstream out(temporary, std::ios::trunc);
    out << entry.dump(2) << "\n";
    if (!out.flush()) {
      std::remove(temporary.c_str());
      return false;
    }
  }
  std::filesystem::rename(temporary, target, error);
  if (error) {
    std::remove(temporary.c_str());
    return false;
  }
  return true;
}

} // namespace amgen::llm
