// The plan: what writing the rendered files into a target directory would do, file by file.

#pragma once

#include "generator/renderer.hpp"

#include <string>
#include <vector>

namespace amgen::generator {

enum class Action { create, overwrite, unchanged, keep_user, remove };
[[nodiscard]] std::string action_name(Action action);

struct PlannedFile
{
  std::string path;
  std::string content;
  Owner owner = Owner::template_owned;
  Action action = Action::create;
  std::string reason;
};

struct Plan
{
  std::string target;
  bool target_exists = false;
  std::vector<PlannedFile> files;
};

/// Compares the rendered files with what `target` holds now (reads only): identical files are
/// `unchanged`, existing user- or model-owned files are kept, other existing files are overwritten.
/// Template-owned files the target's `.amgen/project.json` records but this render no longer produces
/// (a lower level, a removed entity) are removed when they are as amgen wrote them, and kept (with the
/// reason) when someone edited them.
[[nodiscard]] Plan plan_files(const std::vector<RenderedFile>& files, const std::string& target);

/// True when `target` is missing or an empty directory.
[[nodiscard]] bool is_missing_or_empty_directory(const std::string& target);

} // namespace amgen::generator
