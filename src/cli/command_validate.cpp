// `amgen validate` and `amgen view-model`: the spec's diagnostics, or the view model the templates see.
#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "generator/pipeline.hpp"

#include <amgen_version.hpp>
#include <iostream>
#include <nlohmann/json.hpp>

namespace amgen::cli {
namespace {

generator::ProjectRequest spec_request(const SpecOptions& options)
{
  return {options.spec_file, read_text_file(options.spec_file), std::nullopt, options.level};
}

nlohmann::ordered_json diagnostics_json(const generator::Diagnostics& diagnostics)
{
  auto out = nlohmann::ordered_json::array();
  for (const auto& d : diagnostics.sorted()) {
    out.push_back({{"file", d.file},
                   {"line", d.position.line},
                   {"column", d.position.column},
                   {"severity", d.severity == generator::Severity::error     ? "error"
                                : d.severity == generator::Severity::warning ? "warning"
                                                                             : "note"},
                   {"message", d.message},
                   {"hint", d.hint}});
  }
  return out;
}

} // namespace

ExitStatus run_validate(const GlobalOptions& global, const SpecOptions& options)
{
  const auto request = spec_request(options);
  const auto diagnostics = generator::validate_project(request, template_store(global));
  if (global.json) {
    nlohmann::ordered_json out{{"valid", !diagnostics.has_errors()}, {"diagnostics", diagnostics_json(diagnostics)}};
    std::cout << out.dump(2) << "\n";
  } else {
    print_diagnostics(diagnostics, request.spec_file, request.spec_text);
    if (!diagnostics.has_errors() && !global.quiet) {
      std::cout << request.spec_file << ": valid\n";
    }
  }
  return diagnostics.has_errors() ? ExitStatus::user_error : ExitStatus::ok;
}

ExitStatus run_view_model(const GlobalOptions& global, const SpecOptions& options)
{
  const auto request = spec_request(options);
  const auto result = generator::generate_project(request, template_store(global), k_version);
  print_diagnostics(result.diagnostics, request.spec_file, request.spec_text);
  if (!result.view_model) {
    return ExitStatus::user_error;
  }
  std::cout << result.view_model->dump(2) << "\n";
  return result.diagnostics.has_errors() ? ExitStatus::user_error : ExitStatus::ok;
}

} // namespace amgen::cli
