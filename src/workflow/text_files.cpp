// Text files of the workflow: read whole, written through a temporary file and one rename.
#include "workflow/text_files.hpp"

#include "util/error.hpp"

#include <fmt/format.h>
#include <fstream>
#include <sstream>
#include <unistd.h>

namespace amgen::workflow {

namespace fs = std::filesystem;

std::optional<std::string> read_text_file(const fs::path& path)
{
  std::error_code ec;
  if (!fs::exists(path, ec)) {
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  if (!in) {
    throw Error(fmt::format("cannot read '{}'", path.string()));
  }
  return text.str();
}

void write_text_file_atomically(const fs::path& path, const std::string& text)
{
  std::error_code ec;
  if (!path.parent_path().empty()) {
    fs::create_directories(path.parent_path(), ec);
    if (ec) {
      throw Error(fmt::format("cannot create '{}': {}", path.parent_path().string(), ec.message()));
    }
  }
  const auto temporary = fs::path(fmt::format("{}.tmp-{}", path.string(), ::getpid()));
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
    out.close();
    if (!out) {
      fs::remove(temporary, ec);
      throw Error(fmt::format("cannot write '{}'", temporary.string()));
    }
  }
  fs::rename(temporary, path, ec);
  if (ec) {
    fs::remove(temporary, ec);
    throw Error(fmt::format("cannot replace '{}': {}", path.string(), ec.message()));
  }
}

} // namespace amgen::workflow
