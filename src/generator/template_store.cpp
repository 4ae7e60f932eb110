// Template store: embedded files, optionally overlaid per file by a user directory.
#include "generator/template_store.hpp"

#include "generator/embedded_templates.hpp"
#include "util/error.hpp"

#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <sstream>

namespace amgen::generator {

namespace fs = std::filesystem;

TemplateStore TemplateStore::embedded()
{
  TemplateStore store;
  for (const auto& file : embedded_templates()) {
    store.m_files[std::string(file.path)] = {std::string(file.content), "templates"};
  }
  return store;
}

TemplateStore TemplateStore::with_override(const std::string& directory)
{
  auto store = embedded();
  std::error_code ec;
  if (!fs::is_directory(directory, ec)) {
    throw Error(fmt::format("--templates: '{}' is not a directory", directory));
  }
  for (auto it = fs::recursive_directory_iterator(directory, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    if (!it->is_regular_file()) {
      continue;
    }
    const auto relative = fs::relative(it->path(), directory).generic_string();
    if (relative.starts_with(".") || relative.find("/.") != std::string::npos) {
      continue;
    }
    std::ifstream in(it->path(), std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    if (!in) {
      throw Error(fmt::format("--templates: cannot read '{}'", it->path().string()));
    }
    store.m_files[relative] = {text.str(), directory};
  }
  if (ec) {
    throw Error(fmt::format("--templates: cannot list '{}': {}", directory, ec.message()));
  }
  return store;
}

const std::string* TemplateStore::find(const std::string& path) const
{
  const auto it = m_files.find(path);
  return it == m_files.end() ? nullptr : &it->second.content;
}

std::string TemplateStore::display_name(const std::string& path) const
{
  const auto it = m_files.find(path);
  const std::string origin = it == m_files.end() ? std::string("templates") : it->second.origin;
  return (fs::path(origin) / path).generic_string();
}

std::vector<std::string> TemplateStore::manifest_folders() const
{
  std::vector<std::string> folders;
  for (const auto& [path, file] : m_files) {
    const auto slash = path.find('/');
    if (slash != std::string::npos && path.substr(slash + 1) == "manifest.yaml") {
      folders.push_back(path.substr(0, slash));
    }
  }
  return folders;
}

} // namespace amgen::generator
