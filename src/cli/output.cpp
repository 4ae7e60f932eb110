// Command I/O helpers: file reading, template store choice, diagnostics on stderr.
#include "cli/output.hpp"

#include "util/error.hpp"

#include <fmt/format.h>
#include <fstream>
#include <iostream>
#include <sstream>

namespace amgen::cli {

std::string read_text_file(const std::string& path)
{
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw Error(fmt::format("cannot read '{}'", path));
  }
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

generator::TemplateStore template_store(const GlobalOptions& global)
{
  return global.templates_dir.empty() ? generator::TemplateStore::embedded()
                                      : generator::TemplateStore::with_override(global.templates_dir);
}

void print_diagnostics(const generator::Diagnostics& diagnostics, const std::string& spec_file,
                       const std::string& source)
{
  std::size_t warnings = 0;
  for (const auto& diagnostic : diagnostics.sorted()) {
    std::cerr << generator::format_diagnostic(diagnostic, diagnostic.file == spec_file ? source : std::string{});
    warnings += diagnostic.severity == generator::Severity::warning ? 1 : 0;
  }
  const auto errors = diagnostics.error_count();
  if (errors > 0) {
    std::cerr << fmt::format("{} error{}, {} warning{}\n", errors, errors == 1 ? "" : "s", warnings,
                             warnings == 1 ? "" : "s");
  }
}

} // namespace amgen::cli
