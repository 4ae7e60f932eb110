// Answers files: YAML (and so JSON) mappings from question id to answer text.
#include "workflow/answers.hpp"

#include "util/error.hpp"

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

namespace amgen::workflow {

std::map<std::string, std::string> parse_answers(const std::string& file, const std::string& text)
{
  YAML::Node root;
  try {
    root = YAML::Load(text);
  } catch (const YAML::Exception& e) {
    throw Error(fmt::format("{}:{}:{}: {}", file, e.mark.line + 1, e.mark.column + 1, e.msg));
  }
  const auto answers = root.IsMap() && root["answers"] ? root["answers"] : root;
  if (!answers.IsMap()) {
    throw Error(fmt::format("{}: expected {{\"answers\": {{\"<question id>\": \"text\"}}}}", file));
  }
  std::map<std::string, std::string> out;
  for (const auto& item : answers) {
    if (!item.second.IsScalar()) {
      throw Error(fmt::format("{}:{}:{}: the answer to '{}' must be text", file, item.second.Mark().line + 1,
                              item.second.Mark().column + 1, item.first.as<std::string>()));
    }
    out[item.first.as<std::string>()] = item.second.as<std::string>();
  }
  return out;
}

} // namespace amgen::workflow
