// Semantic checks of a parsed Spec: naming rules, reserved words, duplicates, dangling references.
#pragma once

#include "generator/diagnostics.hpp"
#include "generator/levels.hpp"
#include "generator/spec.hpp"

#include <string>
#include <vector>

namespace amgen::generator {

/// What the validator needs to know about the installed templates.
struct ValidationContext
{
  const LevelsTable& levels;
  std::vector<std::string> available_service_types; ///< Types that have a template folder.
  std::vector<std::string> available_modules;       ///< Modules the templates implement.
};

/// Pushes every semantic error of `spec` into `diagnostics` (warnings too) and keeps going.
void validate_spec(const Spec& spec, const ValidationContext& context, Diagnostics& diagnostics);

/// The joined service name `{context}_{domain}[_{function}]_{type}`.
[[nodiscard]] std::string service_name(const Spec& spec, const ServiceSpec& service);
/// The short name `{domain}[_{function}]_{type}` that other parts of the spec may use.
[[nodiscard]] std::string service_short_name(const ServiceSpec& service);

namespace detail {
void validate_services(const Spec& spec, const ValidationContext& context, Diagnostics& diagnostics);
void validate_entities(const Spec& spec, Diagnostics& diagnostics);
void validate_requirements(const Spec& spec, Diagnostics& diagnostics);
/// Events, worker jobs and bot commands: references, triggers, schedules and event cycles.
void validate_messaging(const Spec& spec, Diagnostics& diagnostics);
/// Seconds in an `every:` duration such as "30s", "15m" or "2h"; 0 when it is malformed.
[[nodiscard]] long schedule_seconds(const std::string& text);
/// Reports `name` unless it is snake_case and no Python keyword, builtin or SQL reserved word.
void check_identifier(const Spec& spec, const LocatedString& name, std::string_view what, Diagnostics& diagnostics);
} // namespace detail

} // namespace amgen::generator
