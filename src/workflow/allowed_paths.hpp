// Which files the model may write: business-rule files and their tests that the project's manifests
// mark as model-owned. Anything else a reply names is refused with the reason.
#pragma once

#include <set>
#include <string>
#include <vector>

namespace amgen::workflow {

/// The path patterns the model may write at all (for prompts and messages).
[[nodiscard]] const std::vector<std::string>& model_path_patterns();

/// Why the model may not write `path`, or empty when it may: `model_owned` holds the rendered files
/// whose manifest owner is `model`.
[[nodiscard]] std::string path_refusal(const std::string& path, const std::set<std::string>& model_owned);

} // namespace amgen::workflow
