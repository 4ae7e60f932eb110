// Module resolution: explicit modules, modules implied by service kinds and events, and their requirements.
#include "generator/modules.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <map>

namespace amgen::generator {

const std::vector<ModuleInfo>& module_catalogue()
{
  static const std::vector<ModuleInfo> catalogue = {
    {"rabbitmq", {}, "", true},
    {"redis", {}, "", true},
    {"mongo", {}, "data_mongo"},
    {"worker", {"rabbitmq", "redis"}, "worker"},
    {"bot", {"rabbitmq", "redis"}, "bot"},
    {"file_storage", {}, ""},
    {"communication", {"rabbitmq", "worker"}, ""},
    {"payment", {"worker", "rabbitmq", "communication"}, ""},
    {"realtime", {"worker", "redis", "rabbitmq"}, ""},
  };
  return catalogue;
}

const ModuleInfo* find_module(const std::string& name)
{
  const auto& catalogue = module_catalogue();
  const auto it = std::find_if(catalogue.begin(), catalogue.end(), [&](const ModuleInfo& m) { return m.name == name; });
  return it == catalogue.end() ? nullptr : &*it;
}

std::vector<ResolvedModule> resolve_modules(const Spec& spec, const std::vector<Feature>& features)
{
  std::map<std::string, ResolvedModule> chosen;
  std::vector<std::string> pending;
  auto add = [&](const std::string& name, std::string reason, bool is_explicit) {
    if (!find_module(name) || chosen.contains(name)) {
      return;
    }
    chosen.emplace(name, ResolvedModule{name, std::move(reason), is_explicit});
    pending.push_back(name);
  };
  for (const auto& module : spec.modules) {
    add(module.value, "listed in 'modules'", true);
  }
  for (const auto& service : spec.services) {
    for (const auto& info : module_catalogue()) {
      if (!info.service_type.empty() && info.service_type == service.type.value) {
        add(info.name, fmt::format("a service has type {}", service.type.value), false);
      }
    }
  }
  if (!spec.events.empty()) {
    add("rabbitmq", "the spec defines events", false);
  }
  for (const auto& feature : features) {
    if (spec.level.value >= feature.since) {
      for (const auto& module : feature.modules) {
        add(module, fmt::format("required by feature {} (level {})", feature.id, feature.since), false);
      }
    }
  }
  while (!pending.empty()) {
    const auto name = pending.back();
    pending.pop_back();
    for (const auto& required : find_module(name)->requires_modules) {
      add(required, fmt::format("required by {}", name), false);
    }
  }
  std::vector<ResolvedModule> out;
  for (const auto& info : module_catalogue()) {
    if (auto it = chosen.find(info.name); it != chosen.end()) {
      out.push_back(it->second);
    }
  }
  return out;
}

} // namespace amgen::generator
