// `amgen new` on a terminal: asks for what the command line left out, checking each answer with the
// same validator `amgen validate` uses, and returns the spec request the answers describe.
#pragma once

#include "cli/commands.hpp"
#include "cli/terminal.hpp"
#include "generator/pipeline.hpp"
#include "generator/template_store.hpp"

namespace amgen::cli {

/// Asks for the project name, context, domain, level, modules (when not given as flags) and the
/// entities with their fields. Every answer is checked at once; a rejected one is asked again.
[[nodiscard]] generator::DefaultSpecRequest ask_for_project(Terminal& terminal, const NewOptions& given,
                                                             const generator::TemplateStore& store);

} // namespace amgen::cli
