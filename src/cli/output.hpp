// Shared pieces of the commands' I/O: reading inputs, choosing the template store, printing diagnostics.
#pragma once

#include "cli/commands.hpp"
#include "generator/diagnostics.hpp"
#include "generator/template_store.hpp"

#include <string>

namespace amgen::cli {

/// The file's text; throws amgen::Error naming the file when it cannot be read.
[[nodiscard]] std::string read_text_file(const std::string& path);
[[nodiscard]] generator::TemplateStore template_store(const GlobalOptions& global);
/// Prints every diagnostic to stderr (with source line and caret when `source` is the file's text)
/// and a closing count line.
void print_diagnostics(const generator::Diagnostics& diagnostics, const std::string& spec_file,
                       const std::string& source);

} // namespace amgen::cli
