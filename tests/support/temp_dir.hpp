// A per-test temporary directory, removed when the test passes and kept (path printed) when it fails.
#pragma once

#include <filesystem>
#include <map>
#include <string>

namespace amgen::test {

class TempDir
{
public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  [[nodiscard]] const std::filesystem::path& path() const { return m_path; }
  /// Writes each `{relative path: content}` pair below the directory.
  void write_tree(const std::map<std::string, std::string>& files) const;

private:
  std::filesystem::path m_path;
};

[[nodiscard]] std::string read_file(const std::filesystem::path& path);

/// The text of a file in the source tree (`examples/clinic/amgen.yaml`, ...).
[[nodiscard]] std::string source_file(const std::string& relative);

} // namespace amgen::test
