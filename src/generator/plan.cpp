// Plan: rendered files compared with the target directory, each with an action and a reason.
#include "generator/plan.hpp"

#include "util/sha256.hpp"

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
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
  case Action::remove: return "remove";
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

/// Template-owned files an earlier render recorded that `files` no longer contains: removed when unedited.
void plan_stale_files(const std::vector<RenderedFile>& files, const fs::path& target, Plan& plan)
{
  const auto record_text = read_existing(target / ".amgen" / "project.json");
  if (!record_text) {
    return;
  }
  const auto record = nlohmann::json::parse(*record_text, nullptr, false);
  if (!record.is_object() || !record.contains("files") || !record["files"].is_array()) {
    return;
  }
  std::set<std::string> rendered;
  for (const auto& file : files) {
    rendered.insert(file.path);
  }
  for (const auto& entry : record["files"]) {
    const auto path = entry.value("path", "");
    if (path.empty() || entry.value("owner", "") != "template" || rendered.contains(path)) {
      continue;
    }
    const auto existing = read_existing(target / path);
    if (!existing) {
      continue;
    }
    if (util::sha256_hex(*existing) == entry.value("sha256", "")) {
      plan.files.push_back({path, {}, Owner::template_owned, Action::remove, "no longer generated"});
    } else {
      plan.files.push_back({path, *existing, Owner::template_owned, Action::keep_user,
                            "no longer generated; kept because it was edited"});
    }
  }
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
  if (plan.target_exists) {
    plan_stale_files(files, target, plan);
  }
  return plan;
}

} // namespace amgen::generator
