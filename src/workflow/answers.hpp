// The answers file of a clarification round: `{"answers": {"<question id>": "text"}}` as JSON or YAML
// (a plain `{id: text}` mapping is accepted too).
#pragma once

#include <map>
#include <string>

namespace amgen::workflow {

/// Parses `text` read from `file`; throws amgen::Error naming the file when it is not such a mapping.
[[nodiscard]] std::map<std::string, std::string> parse_answers(const std::string& file, const std::string& text);

} // namespace amgen::workflow
