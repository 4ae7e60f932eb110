// Requirement id checks: format, kind prefix, per-kind sequence and uniqueness.
#include "workflow/requirement_ids.hpp"

#include <fmt/format.h>
#include <map>
#include <regex>
#include <set>

namespace amgen::workflow {

std::vector<std::string> requirement_id_errors(const nlohmann::json& requirements)
{
  static const std::regex k_id_pattern("^(FR|UI|NF)-([0-9]{3})$");
  std::vector<std::string> errors;
  std::set<std::string> seen;
  std::map<std::string, int> next_number{{"FR", 1}, {"UI", 1}, {"NF", 1}};
  for (std::size_t index = 0; index < requirements.size(); ++index) {
    const auto& requirement = requirements[index];
    const auto id = requirement.value("id", std::string{});
    const auto kind = requirement.value("kind", std::string{});
    std::smatch match;
    if (!std::regex_match(id, match, k_id_pattern)) {
      errors.push_back(fmt::format("requirement {}: id '{}' must look like FR-001, UI-001 or NF-001", index + 1, id));
      continue;
    }
    if (!seen.insert(id).second) {
      errors.push_back(fmt::format("duplicate requirement id '{}'", id));
      continue;
    }
    const auto prefix = match[1].str();
    if (kind != prefix) {
      errors.push_back(fmt::format("requirement '{}': kind '{}' does not match its id (expected '{}')", id, kind,
                                   prefix));
    }
    const int number = std::stoi(match[2].str());
    if (number != next_number[prefix]) {
      errors.push_back(fmt::format("requirement '{}': expected '{}-{:03}' "
                                   "(each kind is numbered 001, 002, ... in order)",
                                   id, prefix, next_number[prefix]));
    }
    next_number[prefix] = number + 1;
  }
  if (next_number["FR"] == 1 && errors.empty()) {
    errors.emplace_back("no functional requirement: at least FR-001 is needed");
  }
  return errors;
}

std::vector<std::string> requirement_ids_of_kind(const nlohmann::json& requirements, const std::string& kind)
{
  std::vector<std::string> ids;
  for (const auto& requirement : requirements) {
    const auto id = requirement.value("id", std::string{});
    if (id.starts_with(kind + "-")) {
      ids.push_back(id);
    }
  }
  return ids;
}

} // namespace amgen::workflow
