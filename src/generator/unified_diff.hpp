// Unified diff (`diff -u` format, 3 lines of context) of two texts, for `amgen check`.
#pragma once

#include <string>

namespace amgen::generator {

/// The unified diff turning `before` into `after`, with `---`/`+++` headers naming `before_name` and
/// `after_name`; empty when the texts are equal.
[[nodiscard]] std::string unified_diff(const std::string& before, const std::string& after,
                                       const std::string& before_name, const std::string& after_name);

} // namespace amgen::generator
