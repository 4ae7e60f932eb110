// Commits a plan to disk all or nothing: files go to a temporary directory beside the target, which
// then replaces the target in one rename. On any error the temporary directory is removed.
#pragma once

#include "generator/plan.hpp"

#include <string>

namespace amgen::generator {

/// Writes `plan` into `plan.target`. Throws amgen::Error on failure, leaving the target as it was.
/// Leftovers of writers that were killed (`.<name>.amgen-tmp-<pid>-*` beside the target whose
/// process is gone) are removed first.
void commit_plan(const Plan& plan);

/// The prefix of temporary directories for `target` (exposed for tests).
[[nodiscard]] std::string temporary_prefix(const std::string& target);

} // namespace amgen::generator
