// Source scans over the generated services: text files only, tool caches and virtualenvs skipped.
#include "workflow/source_scan.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <fmt/format.h>
#include <fstream>
#include <functional>

namespace amgen::workflow {

namespace fs = std::filesystem;

namespace {

bool is_skipped_directory(const fs::path& path)
{
  const auto name = path.filename().string();
  return name.starts_with('.') || name == "__pycache__" || name == "htmlcov" || name == "node_modules"
         || name.ends_with(".egg-info");
}

/// Calls `visit(relative path, line number, line)` for every line of every text file below `root`.
void for_each_line(const fs::path& out, const fs::path& root,
                   const std::function<void(const std::string&, int, const std::string&)>& visit)
{
  std::error_code ec;
  if (!fs::is_directory(root, ec)) {
    return;
  }
  std::vector<fs::path> files;
  for (auto it = fs::recursive_directory_iterator(root, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    if (it->is_directory() && is_skipped_directory(it->path())) {
      it.disable_recursion_pending();
    } else if (it->is_regular_file() && it->file_size() < 1'000'000) {
      files.push_back(it->path());
    }
  }
  std::sort(files.begin(), files.end());
  for (const auto& file : files) {
    std::ifstream in(file, std::ios::binary);
    const auto relative = fs::relative(file, out).generic_string();
    std::string line;
    int number = 0;
    while (std::getline(in, line)) {
      ++number;
      if (line.find('\0') != std::string::npos) {
        break;
      }
      visit(relative, number, line);
    }
  }
}

bool is_word_char(char c)
{
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '-';
}

bool has_word(const std::string& line, const std::string& word)
{
  for (auto at = line.find(word); at != std::string::npos; at = line.find(word, at + 1)) {
    const bool starts = at == 0 || !is_word_char(line[at - 1]);
    const auto end = at + word.size();
    const bool ends = end == line.size() || !is_word_char(line[end]);
    if (starts && ends) {
      return true;
    }
  }
  return false;
}

std::vector<fs::path> service_roots(const fs::path& out, const std::array<const char*, 2>& parts)
{
  std::vector<fs::path> roots;
  std::error_code ec;
  for (const auto& service : fs::directory_iterator(out / "services", ec)) {
    for (const auto* part : parts) {
      roots.push_back(service.path() / part);
    }
  }
  std::sort(roots.begin(), roots.end());
  return roots;
}

} // namespace

std::map<std::string, std::vector<std::string>> requirement_places(const fs::path& out,
                                                                   const std::vector<std::string>& ids)
{
  std::map<std::string, std::vector<std::string>> places;
  for (const auto& id : ids) {
    places[id];
  }
  for (const auto& root : service_roots(out, {"src", "tests"})) {
    for_each_line(out, root, [&](const std::string& path, int number, const std::string& line) {
      for (const auto& id : ids) {
        if (has_word(line, id)) {
          places[id].push_back(fmt::format("{}:{}", path, number));
        }
      }
    });
  }
  return places;
}

bool has_code_and_test(const std::vector<std::string>& places)
{
  const auto under = [&](std::string_view folder) {
    return std::any_of(places.begin(), places.end(),
                       [&](const std::string& place) { return place.find(folder) != std::string::npos; });
  };
  return under("/src/") && under("/tests/");
}

std::vector<std::string> unfinished_markers(const fs::path& out)
{
  static constexpr std::array k_markers = {"TODO", "FIXME", "XXX", "PLACEHOLDER"};
  std::vector<std::string> found;
  for_each_line(out, out / "services", [&](const std::string& path, int number, const std::string& line) {
    for (const auto* marker : k_markers) {
      if (has_word(line, marker)) {
        found.push_back(fmt::format("{}:{}: {}", path, number, line));
        return;
      }
    }
  });
  return found;
}

} // namespace amgen::workflow
