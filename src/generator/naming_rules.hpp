// The framework's service-naming rules: the context registry, forbidden and deprecated contexts,
// and the domains too ambiguous to stand without a function part.
#pragma once

#include <string>
#include <string_view>

namespace amgen::generator::naming_rules {

enum class ContextStatus { active, reserved, deprecated, forbidden, unregistered };

[[nodiscard]] ContextStatus context_status(std::string_view context);
/// For a deprecated context, the one to use instead (`property` → `property_management`).
[[nodiscard]] std::string context_replacement(std::string_view context);
[[nodiscard]] bool is_ambiguous_domain(std::string_view domain);
/// The registry's active contexts, comma-separated, for messages.
[[nodiscard]] std::string active_contexts();

} // namespace amgen::generator::naming_rules
