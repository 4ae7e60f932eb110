// Spec test helpers: parse + validate with the shipped levels table.
#include "support/spec_fixtures.hpp"

#include <fmt/format.h>

namespace amgen::test {

const generator::LevelsTable& shipped_levels()
{
  static const generator::LevelsTable k_levels = [] {
    generator::Diagnostics diagnostics;
    auto levels = generator::parse_levels("levels.yaml", source_file("templates/levels.yaml"), diagnostics);
    if (diagnostics.has_errors()) {
      throw std::runtime_error("templates/levels.yaml is invalid");
    }
    return levels;
  }();
  return k_levels;
}

std::vector<std::string> check_spec(const std::string& text)
{
  return check_spec_with(text, {"api", "data_postgres", "data_mongo", "worker", "bot"},
                         {"rabbitmq", "redis", "mongo", "worker", "bot"});
}

std::vector<std::string> check_spec_with(const std::string& text, const std::vector<std::string>& service_types,
                                         const std::vector<std::string>& modules)
{
  generator::Diagnostics diagnostics;
  const auto spec = generator::parse_spec("spec.yaml", text, diagnostics);
  const generator::ValidationContext context{shipped_levels(), service_types, modules};
  generator::validate_spec(spec, context, diagnostics);
  std::vector<std::string> out;
  for (const auto& d : diagnostics.sorted()) {
    const char* severity = d.severity == generator::Severity::error     ? "error"
                           : d.severity == generator::Severity::warning ? "warning"
                                                                        : "note";
    out.push_back(fmt::format("{}:{}:{}: {}: {}", d.file, d.position.line, d.position.column, severity, d.message));
  }
  return out;
}

std::string minimal_spec(const std::string& extra_entities)
{
  return "amgen: 1\n"
         "project: {name: clinic, context: healthcare}\n"
         "services:\n"
         "  - {domain: clinic, type: api}\n"
         "  - {domain: clinic, type: data_postgres}\n"
         "entities:\n"
         "  Patient:\n"
         "    fields:\n"
         "      full_name: {type: string}\n"
         + extra_entities;
}

} // namespace amgen::test
