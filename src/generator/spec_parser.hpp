// Reads `amgen.yaml` text into a Spec, reporting structural problems (syntax, unknown keys, wrong types).
#pragma once

#include "generator/diagnostics.hpp"
#include "generator/spec.hpp"

#include <string>

namespace amgen::generator {

/// Parses `text` (named `file` in diagnostics). Structural errors go to `diagnostics`; parsing goes on
/// past them so one run reports every error. Semantic rules are `validate_spec`'s job.
[[nodiscard]] Spec parse_spec(const std::string& file, const std::string& text, Diagnostics& diagnostics);

} // namespace amgen::generator
