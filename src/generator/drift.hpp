// Drift between a generated project on disk and a fresh render of its recorded spec (`amgen check`).
#pragma once

#include "generator/renderer.hpp"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace amgen::generator {

struct DriftedFile
{
  std::string path;
  std::string diff; ///< Unified diff from the render (a/) to the file on disk (b/).
};

struct DriftReport
{
  std::vector<DriftedFile> drifted;  ///< Template-owned files whose content differs from the render.
  std::vector<std::string> missing;  ///< Template-owned files the render has and the disk lacks.
  std::vector<std::string> extra;    ///< Files the record lists as template-owned that the render no longer has.
  std::vector<std::string> skipped;  ///< User- and model-owned files: never compared.

  [[nodiscard]] bool clean() const { return drifted.empty() && missing.empty() && extra.empty(); }
};

/// Reads a project file by its relative path; nullopt when it does not exist.
using FileReader = std::function<std::optional<std::string>(const std::string& path)>;

/// Compares `rendered` with what `read` returns. `recorded_template_files` are the template-owned paths of the
/// project's `.amgen/project.json`. The record itself is not compared: its hashes describe the files.
[[nodiscard]] DriftReport compare_with_render(const std::vector<RenderedFile>& rendered,
                                              const std::vector<std::string>& recorded_template_files,
                                              const FileReader& read);

} // namespace amgen::generator
