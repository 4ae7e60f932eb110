// Optional modules (framework §1.5): what each requires, and the closure the project ends up with.
#pragma once

#include "generator/levels.hpp"
#include "generator/spec.hpp"

#include <string>
#include <vector>

namespace amgen::generator {

struct ModuleInfo
{
  std::string name;
  std::vector<std::string> requires_modules; ///< Added for the user, who is told why.
  std::string service_type;                  ///< The service kind that implements it; empty for infrastructure.
  bool has_infrastructure_templates = false; ///< Compose, settings and shared code exist for it without a service.
};

/// Every module amgen knows, in the order the framework generates them.
[[nodiscard]] const std::vector<ModuleInfo>& module_catalogue();
/// The catalogue entry named `name`, or nullptr.
[[nodiscard]] const ModuleInfo* find_module(const std::string& name);

struct ResolvedModule
{
  std::string name;
  std::string reason; ///< "listed in 'modules'", "a service of type worker", "required by worker", ...
  bool is_explicit = false;
};

/// The modules a spec ends up with: those listed, those its services and events imply, those the features of its
/// level need (`features` is levels.yaml's list), and everything they require, in catalogue order. Unknown names
/// are skipped (the validator reports them).
[[nodiscard]] std::vector<ResolvedModule> resolve_modules(const Spec& spec, const std::vector<Feature>& features);

} // namespace amgen::generator
