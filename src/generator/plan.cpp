// Plan: rendered files compared with the target directory, each with an action and a reason.
#include "generator/plan.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace amgen::generator {

namespace fs = std::filesystem;

std::string action_name(Action action)
{
  switch (action) {
  case Action::create: return "create";
  case Action::overwrite: return "overwrite";
  case Action::unchanged: return "unchanged";
  case Action::keep_user: return "keep";
  }
  return "create";
}

bool is_missing_or_empty_directory(const std::string& target)
{
  std::error_code ec;
  if (!fs::exists(target, ec)) {
    return true;
  }
  return fs::is_directory(target, ec) && fs::is_empty(target, ec);
}

namespace {

std::optional<std::string> read_existing(const fs::path& path)
{
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) {
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

} // namespace

Plan plan_files(const std::vector<RenderedFile>& files, const std::string& target)
{
  Plan plan;
  plan.target = target;
  std::error_code ec;
  plan.target_exists = fs::exists(target, ec);
  for (const auto& file : files) {
    PlannedFile planned{file.path, file.content, file.owner, Action::create, "new file"};
    if (plan.target_exists) {
      if (const auto existing = read_existing(fs::path(target) / file.path)) {
        if (*existing == file.content) {
          planned.action = Action::unchanged;
          planned.reason = "identical";
        } else if (file.owner != Owner::template_owned) {
          planned.action = Action::keep_user;
          planned.reason = owner_name(file.owner) + "-owned file kept";
        } else {
          planned.action = Action::overwrite;
          planned.reason = "template-owned file re-rendered";
        }
      }
    }
    plan.files.push_back(std::move(planned));
  }
  return plan;
}

} // namespace amgen::generator
