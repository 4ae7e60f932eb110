// Stage-5 checks that read the generated tree: where each requirement id appears in the services' code
// and tests, and the unfinished-work markers (TODO, FIXME, XXX, PLACEHOLDER) left under services/.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace amgen::workflow {

/// For each id, the `path:line` places under `services/*/src` and `services/*/tests` that name it
/// (as a whole word); an id nowhere maps to an empty list.
[[nodiscard]] std::map<std::string, std::vector<std::string>> requirement_places(
  const std::filesystem::path& out, const std::vector<std::string>& ids);

/// True when the places of one requirement include code (`services/*/src`) and a test (`services/*/tests`).
[[nodiscard]] bool has_code_and_test(const std::vector<std::string>& places);

/// Every `path:line: text` under `services/` holding TODO, FIXME, XXX or PLACEHOLDER as a word.
[[nodiscard]] std::vector<std::string> unfinished_markers(const std::filesystem::path& out);

} // namespace amgen::workflow
