// Naming rules from the framework (§3.1–3.2): registry, forbidden/deprecated contexts, ambiguous domains.
#include "generator/naming_rules.hpp"

#include <algorithm>
#include <array>
#include <fmt/format.h>

namespace amgen::generator::naming_rules {
namespace {

constexpr std::array<std::string_view, 13> k_active = {
  "finance", "healthcare", "construction", "logistics", "ecommerce", "corporate", "education",
  "user_management", "integration", "analytics", "communication", "property_management", "environment"};
constexpr std::array<std::string_view, 3> k_reserved = {"compliance", "security", "gaming"};
constexpr std::array<std::string_view, 5> k_forbidden = {"data", "service", "system", "app", "api"};
struct Deprecated
{
  std::string_view context;
  std::string_view replacement;
};
constexpr std::array<Deprecated, 3> k_deprecated = {
  {{"log", "analytics"}, {"property", "property_management"}, {"project", "corporate"}}};
constexpr std::array<std::string_view, 15> k_ambiguous_domains = {
  "fleet", "analytics", "data", "communication", "warehouse", "delivery", "content", "user",
  "document", "event", "monitoring", "network", "asset", "inventory", "customer"};

template <typename Container>
bool contains(const Container& items, std::string_view word)
{
  return std::find(items.begin(), items.end(), word) != items.end();
}

} // namespace

ContextStatus context_status(std::string_view context)
{
  if (contains(k_active, context)) {
    return ContextStatus::active;
  }
  if (contains(k_reserved, context)) {
    return ContextStatus::reserved;
  }
  if (contains(k_forbidden, context)) {
    return ContextStatus::forbidden;
  }
  for (const auto& d : k_deprecated) {
    if (d.context == context) {
      return ContextStatus::deprecated;
    }
  }
  return ContextStatus::unregistered;
}

std::string context_replacement(std::string_view context)
{
  for (const auto& d : k_deprecated) {
    if (d.context == context) {
      return std::string(d.replacement);
    }
  }
  return {};
}

bool is_ambiguous_domain(std::string_view domain)
{
  return contains(k_ambiguous_domains, domain);
}

std::string active_contexts()
{
  return fmt::format("{}", fmt::join(k_active, ", "));
}

} // namespace amgen::generator::naming_rules
