// Spec validation of `services`: types, name parts, the framework's naming rules, duplicates.
#include "generator/names.hpp"
#include "generator/naming_rules.hpp"
#include "generator/spec_keys.hpp"
#include "generator/spec_validator.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <map>

namespace amgen::generator::detail {
namespace {

bool contains(const std::vector<std::string>& items, const std::string& word)
{
  return std::find(items.begin(), items.end(), word) != items.end();
}

void validate_name_part(const Spec& spec, const LocatedString& part, std::string_view what, Diagnostics& diagnostics)
{
  if (!is_snake_case(part.value)) {
    diagnostics.error(spec.file, part.position, fmt::format("{} '{}' must be snake_case", what, part.value),
                      "use lowercase letters, digits and single underscores, starting with a letter");
  } else if (contains(spec_keys::k_service_types, part.value) || part.value == "service") {
    diagnostics.error(spec.file, part.position,
                      fmt::format("{} '{}' repeats a service type word", what, part.value),
                      "the type is added to the name already; name the business domain");
  }
}

void validate_service(const Spec& spec, const ServiceSpec& service, const ValidationContext& context,
                      Diagnostics& diagnostics)
{
  const auto& type = service.type;
  if (!type.value.empty() && !contains(spec_keys::k_service_types, type.value)) {
    const auto suggestion = closest_match(type.value, spec_keys::k_service_types);
    diagnostics.error(spec.file, type.position, fmt::format("unknown service type '{}'", type.value),
                      suggestion.empty() ? fmt::format("types: {}", fmt::join(spec_keys::k_service_types, ", "))
                                         : fmt::format("did you mean '{}'?", suggestion));
  } else if (!type.value.empty() && !contains(context.available_service_types, type.value)) {
    diagnostics.error(spec.file, type.position,
                      fmt::format("service type '{}' has no templates in this version of amgen", type.value),
                      fmt::format("available: {}", fmt::join(context.available_service_types, ", ")));
  }
  if (service.context) {
    if (!is_snake_case(service.context->value)) {
      diagnostics.error(spec.file, service.context->position,
                        fmt::format("context '{}' must be snake_case", service.context->value));
    } else if (naming_rules::context_status(service.context->value) == naming_rules::ContextStatus::forbidden
               || naming_rules::context_status(service.context->value) == naming_rules::ContextStatus::deprecated) {
      diagnostics.error(spec.file, service.context->position,
                        fmt::format("context '{}' is not allowed by the naming rules", service.context->value));
    }
  }
  if (!service.domain.value.empty()) {
    validate_name_part(spec, service.domain, "domain", diagnostics);
    if (naming_rules::is_ambiguous_domain(service.domain.value) && !service.function) {
      diagnostics.error(spec.file, service.domain.position,
                        fmt::format("domain '{}' is ambiguous and needs a function part", service.domain.value),
                        fmt::format("add 'function:', e.g. {{domain: {}, function: tracking, type: {}}}",
                                    service.domain.value, type.value));
    }
  }
  if (service.function) {
    validate_name_part(spec, *service.function, "function", diagnostics);
  }
}

} // namespace

void validate_services(const Spec& spec, const ValidationContext& context, Diagnostics& diagnostics)
{
  std::map<std::string, Position> seen;
  std::size_t four_part = 0;
  bool has_data_postgres = false;
  for (const auto& service : spec.services) {
    validate_service(spec, service, context, diagnostics);
    four_part += service.function ? 1 : 0;
    has_data_postgres = has_data_postgres || service.type.value == "data_postgres";
    const auto name = service_name(spec, service);
    const auto [it, inserted] = seen.emplace(name, service.position);
    if (!inserted) {
      diagnostics.error(spec.file, service.position,
                        fmt::format("duplicate service '{}' (first defined at line {})", name, it->second.line),
                        "add a 'function' part to tell the services apart");
    }
  }
  const Position where = spec.services.empty() ? Position{} : spec.services.front().position;
  const bool needs_postgres = std::any_of(spec.entities.begin(), spec.entities.end(), [](const EntitySpec& e) {
    return !e.store || e.store->value != "mongo";
  });
  if (!has_data_postgres && needs_postgres) {
    diagnostics.error(spec.file, where, "the spec needs a 'data_postgres' service to own its entities",
                      "add {domain: <domain>, type: data_postgres} to 'services'");
  }
  if (spec.services.size() >= 3 && four_part * 10 > spec.services.size() * 3) {
    diagnostics.warning(spec.file, where,
                        "more than 30% of the services have 4-part names; the naming rules expect 3-part names "
                        "for most services");
  }
}

void validate_requirements(const Spec& spec, Diagnostics& diagnostics)
{
  std::vector<std::string> targets;
  for (const auto& entity : spec.entities) {
    targets.push_back(entity.name.value);
  }
  for (const auto& service : spec.services) {
    targets.push_back(service_short_name(service));
    targets.push_back(service_name(spec, service));
  }
  std::map<std::string, Position> seen;
  for (const auto& requirement : spec.requirements) {
    const auto& id = requirement.id.value;
    const bool well_formed = id.size() == 6 && (id.starts_with("FR-") || id.starts_with("UI-") || id.starts_with("NF-"))
                             && std::all_of(id.begin() + 3, id.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (!id.empty() && !well_formed) {
      diagnostics.error(spec.file, requirement.id.position,
                        fmt::format("requirement id '{}' must look like FR-001, UI-001 or NF-001", id));
    }
    const auto [it, inserted] = seen.emplace(id, requirement.id.position);
    if (!inserted && !id.empty()) {
      diagnostics.error(spec.file, requirement.id.position,
                        fmt::format("duplicate requirement '{}' (first defined at line {})", id, it->second.line));
    }
    if (requirement.text.value.empty() && requirement.text.position.line > 0) {
      diagnostics.error(spec.file, requirement.text.position, fmt::format("requirement '{}' has no text", id));
    }
    for (const auto& target : requirement.implemented_by) {
      if (contains(targets, target.value)) {
        continue;
      }
      const auto suggestion = closest_match(target.value, targets);
      diagnostics.error(spec.file, target.position,
                        fmt::format("requirement '{}' names '{}', which is no entity or service", id, target.value),
                        suggestion.empty() ? std::string{} : fmt::format("did you mean '{}'?", suggestion));
    }
  }
}

} // namespace amgen::generator::detail
