// TempDir: a unique directory under the system temp dir, kept on failure for inspection.
#include "support/temp_dir.hpp"

#include <fstream>
#include <iostream>
#include <sstream>
#include <unistd.h>

namespace amgen::test {

extern bool g_current_test_failed;

namespace fs = std::filesystem;

TempDir::TempDir()
{
  auto pattern = (fs::temp_directory_path() / "amgen-test-XXXXXX").string();
  if (!::mkdtemp(pattern.data())) {
    throw std::runtime_error("mkdtemp failed");
  }
  m_path = pattern;
}

TempDir::~TempDir()
{
  if (g_current_test_failed) {
    std::cerr << "kept test directory: " << m_path << "\n";
    return;
  }
  std::error_code ec;
  fs::remove_all(m_path, ec);
}

void TempDir::write_tree(const std::map<std::string, std::string>& files) const
{
  for (const auto& [relative, content] : files) {
    const auto path = m_path / relative;
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << content;
  }
}

std::string read_file(const fs::path& path)
{
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw std::runtime_error("cannot read " + path.string());
  }
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string source_file(const std::string& relative)
{
  return read_file(fs::path(AMGEN_SOURCE_DIR) / relative);
}

} // namespace amgen::test
