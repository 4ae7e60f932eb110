// The model's allow-list: relative, no `..`, one of the rule-file patterns, and model-owned.
#include "workflow/allowed_paths.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace amgen::workflow {
namespace {

std::vector<std::string> split_segments(const std::string& path)
{
  std::vector<std::string> segments;
  std::size_t start = 0;
  while (true) {
    const auto slash = path.find('/', start);
    segments.push_back(path.substr(start, slash == std::string::npos ? std::string::npos : slash - start));
    if (slash == std::string::npos) {
      return segments;
    }
    start = slash + 1;
  }
}

bool is_python_name(const std::string& segment, const std::string& prefix)
{
  return segment.size() > prefix.size() + 3 && segment.starts_with(prefix) && segment.ends_with(".py");
}

/// `services/<svc>/src/application/rules/*.py`, `services/<svc>/src/domain/rules/*.py`,
/// `services/<svc>/tests/unit/rules/test_*.py`.
bool matches_pattern(const std::vector<std::string>& s)
{
  if (s.size() < 5 || s[0] != "services") {
    return false;
  }
  if (s.size() == 6 && s[2] == "src" && (s[3] == "application" || s[3] == "domain") && s[4] == "rules") {
    return is_python_name(s[5], "");
  }
  if (s.size() == 6 && s[2] == "tests" && s[3] == "unit" && s[4] == "rules") {
    return is_python_name(s[5], "test_");
  }
  return false;
}

} // namespace

const std::vector<std::string>& model_path_patterns()
{
  static const std::vector<std::string> k_patterns = {"services/<service>/src/application/rules/*.py",
                                                       "services/<service>/src/domain/rules/*.py",
                                                       "services/<service>/tests/unit/rules/test_*.py"};
  return k_patterns;
}

std::string path_refusal(const std::string& path, const std::set<std::string>& model_owned)
{
  if (path.empty()) {
    return "empty path";
  }
  if (path.front() == '/' || path.find(':') != std::string::npos || path.find('\\') != std::string::npos) {
    return fmt::format("'{}' is not a relative project path", path);
  }
  const auto segments = split_segments(path);
  for (const auto& segment : segments) {
    if (segment.empty() || segment == "." || segment == "..") {
      return fmt::format("'{}' has an empty, '.' or '..' segment", path);
    }
  }
  if (!matches_pattern(segments)) {
    return fmt::format("'{}' is not a business-rule file ({})", path, fmt::join(model_path_patterns(), ", "));
  }
  if (!model_owned.contains(path)) {
    return fmt::format("'{}' is not a model-owned file of this project", path);
  }
  return {};
}

} // namespace amgen::workflow
