// Reading and atomically writing the workflow's own files (state, stage records, artifacts).
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace amgen::workflow {

/// The file's text, or nothing when it does not exist. Throws amgen::Error when it exists but cannot be read.
[[nodiscard]] std::optional<std::string> read_text_file(const std::filesystem::path& path);

/// Writes `text` to a temporary file beside `path` and renames it over `path`, creating parent
/// directories: a reader (or a resumed run after a kill) sees the old or the new file, never half of one.
void write_text_file_atomically(const std::filesystem::path& path, const std::string& text);

} // namespace amgen::workflow
