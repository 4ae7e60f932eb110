// Spec validation, top level: format, project, level, modules, then each section's checks.
#include "generator/spec_validator.hpp"

#include "generator/modules.hpp"
#include "generator/names.hpp"
#include "generator/naming_rules.hpp"
#include "generator/reserved_words.hpp"
#include "generator/spec_keys.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace amgen::generator {

std::string service_short_name(const ServiceSpec& service)
{
  std::string out = service.domain.value;
  if (service.function) {
    out += "_" + service.function->value;
  }
  return out + "_" + service.type.value;
}

std::string service_name(const Spec& spec, const ServiceSpec& service)
{
  const auto& context = service.context ? service.context->value : spec.project.context.value;
  return context + "_" + service_short_name(service);
}

namespace detail {

void check_identifier(const Spec& spec, const LocatedString& name, std::string_view what, Diagnostics& diagnostics)
{
  const auto& word = name.value;
  if (!is_snake_case(word)) {
    diagnostics.error(spec.file, name.position, fmt::format("{} '{}' must be snake_case", what, word),
                      "use lowercase letters, digits and single underscores, starting with a letter");
  } else if (is_python_keyword(word)) {
    diagnostics.error(spec.file, name.position, fmt::format("{} '{}' is a Python keyword", what, word),
                      fmt::format("rename it, e.g. '{}_value'", word));
  } else if (is_python_builtin(word)) {
    diagnostics.error(spec.file, name.position, fmt::format("{} '{}' shadows a Python builtin", what, word),
                      fmt::format("rename it, e.g. '{}_value'", word));
  } else if (is_sql_reserved(word)) {
    diagnostics.error(spec.file, name.position, fmt::format("{} '{}' is an SQL reserved word", what, word),
                      fmt::format("rename it, e.g. '{}_value'", word));
  }
}

} // namespace detail

namespace {

void validate_project(const Spec& spec, Diagnostics& diagnostics)
{
  const auto& project = spec.project;
  if (!project.name.value.empty() && !is_snake_case(project.name.value)) {
    diagnostics.error(spec.file, project.name.position,
                      fmt::format("project name '{}' must be snake_case", project.name.value),
                      "use lowercase letters, digits and single underscores, starting with a letter");
  } else if (project.name.value.size() > 40) {
    diagnostics.error(spec.file, project.name.position, "project name is longer than 40 characters");
  }
  const auto& context = project.context;
  if (context.value.empty()) {
    return;
  }
  if (!is_snake_case(context.value)) {
    diagnostics.error(spec.file, context.position, fmt::format("context '{}' must be snake_case", context.value));
    return;
  }
  switch (naming_rules::context_status(context.value)) {
  case naming_rules::ContextStatus::forbidden:
    diagnostics.error(spec.file, context.position,
                      fmt::format("context '{}' is a generic word the naming rules forbid", context.value),
                      fmt::format("name the business area instead, e.g. one of: {}", naming_rules::active_contexts()));
    break;
  case naming_rules::ContextStatus::deprecated:
    diagnostics.error(spec.file, context.position, fmt::format("context '{}' is deprecated", context.value),
                      fmt::format("use '{}'", naming_rules::context_replacement(context.value)));
    break;
  case naming_rules::ContextStatus::reserved:
    diagnostics.warning(spec.file, context.position,
                        fmt::format("context '{}' is reserved in the context registry", context.value));
    break;
  case naming_rules::ContextStatus::unregistered:
    diagnostics.warning(spec.file, context.position,
                        fmt::format("context '{}' is not in the context registry", context.value),
                        fmt::format("registered contexts: {}", naming_rules::active_contexts()));
    break;
  case naming_rules::ContextStatus::active: break;
  }
}

Position module_position(const Spec& spec, const std::string& name)
{
  for (const auto& module : spec.modules) {
    if (module.value == name) {
      return module.position;
    }
  }
  return {};
}

/// Reports modules without templates (listed or pulled in), listed modules whose service is missing, and notes
/// every module added for the user.
void validate_resolved_modules(const Spec& spec, const ValidationContext& context, Diagnostics& diagnostics)
{
  const auto& available = context.available_modules;
  // A level outside levels.yaml has its own error; its features would only add confusing notes.
  static const std::vector<Feature> no_features;
  const bool level_exists = context.levels.find_level(spec.level.value) != nullptr;
  for (const auto& module : resolve_modules(spec, level_exists ? context.levels.features : no_features)) {
    const auto where = module_position(spec, module.name);
    const auto* info = find_module(module.name); // resolve_modules only returns catalogue modules
    const bool has_service = info->service_type.empty()
                             || std::any_of(spec.services.begin(), spec.services.end(), [&](const ServiceSpec& s) {
                                  return s.type.value == info->service_type;
                                });
    if (std::find(available.begin(), available.end(), module.name) == available.end()) {
      if (!module.is_explicit && !info->service_type.empty() && has_service) {
        continue; // the service's own "type has no templates" error says it
      }
      diagnostics.error(spec.file, where,
                        fmt::format("module '{}' ({}) has no templates in this version of amgen", module.name,
                                    module.reason),
                        fmt::format("available modules: {}", fmt::join(available, ", ")));
      continue;
    }
    if (module.is_explicit && !has_service) {
      diagnostics.error(spec.file, where,
                        fmt::format("module '{}' needs a service of type {}", module.name, info->service_type),
                        fmt::format("add {{domain: <domain>, type: {}}} to 'services'", info->service_type));
    }
    if (!module.is_explicit) {
      diagnostics.note(spec.file, {}, fmt::format("module '{}' added: {}", module.name, module.reason));
    }
  }
}

void validate_level_and_modules(const Spec& spec, const ValidationContext& context, Diagnostics& diagnostics)
{
  if (spec.format_version.position.line > 0 && spec.format_version.value != 1) {
    diagnostics.error(spec.file, spec.format_version.position,
                      fmt::format("unsupported spec format version {}", spec.format_version.value),
                      "this amgen reads format version 1 ('amgen: 1')");
  }
  if (!context.levels.find_level(spec.level.value)) {
    diagnostics.error(spec.file, spec.level.position, fmt::format("level {} does not exist", spec.level.value),
                      fmt::format("use a level from 1 to {}", context.levels.levels.size()));
  }
  std::vector<std::string> seen;
  for (const auto& module : spec.modules) {
    const auto& known = spec_keys::k_modules;
    if (std::find(known.begin(), known.end(), module.value) == known.end()) {
      const auto suggestion = closest_match(module.value, known);
      diagnostics.error(spec.file, module.position, fmt::format("unknown module '{}'", module.value),
                        suggestion.empty() ? fmt::format("modules: {}", fmt::join(known, ", "))
                                           : fmt::format("did you mean '{}'?", suggestion));
    }
    if (std::find(seen.begin(), seen.end(), module.value) != seen.end()) {
      diagnostics.error(spec.file, module.position, fmt::format("module '{}' is listed twice", module.value));
    }
    seen.push_back(module.value);
  }
  validate_resolved_modules(spec, context, diagnostics);
}

} // namespace

void validate_spec(const Spec& spec, const ValidationContext& context, Diagnostics& diagnostics)
{
  if (!spec.has_document) {
    return; // the YAML error says it all; anything more would be noise
  }
  validate_project(spec, diagnostics);
  validate_level_and_modules(spec, context, diagnostics);
  detail::validate_services(spec, context, diagnostics);
  detail::validate_entities(spec, diagnostics);
  detail::validate_requirements(spec, diagnostics);
  detail::validate_messaging(spec, diagnostics);
}

} // namespace amgen::generator
