// JSON → YAML through yaml-cpp's emitter, which quotes every scalar that would not read back as written.
#include "workflow/spec_yaml.hpp"

#include <array>
#include <yaml-cpp/yaml.h>

namespace amgen::workflow {
namespace {

using Json = nlohmann::ordered_json;

void emit(YAML::Emitter& out, const Json& value)
{
  switch (value.type()) {
  case Json::value_t::object:
    out << YAML::BeginMap;
    for (const auto& [key, item] : value.items()) {
      out << YAML::Key << key << YAML::Value;
      emit(out, item);
    }
    out << YAML::EndMap;
    return;
  case Json::value_t::array:
    out << (value.empty() ? YAML::Flow : YAML::Block) << YAML::BeginSeq;
    for (const auto& item : value) {
      emit(out, item);
    }
    out << YAML::EndSeq;
    return;
  case Json::value_t::string: out << YAML::DoubleQuoted << value.get<std::string>(); return;
  case Json::value_t::boolean: out << value.get<bool>(); return;
  case Json::value_t::null: out << YAML::Null; return;
  default: out << value.dump(); return;
  }
}

} // namespace

std::string spec_yaml(const Json& spec)
{
  static constexpr std::array k_order = {"amgen", "project", "level", "modules", "services",
                                         "entities", "events", "requirements"};
  Json ordered = Json::object();
  for (const auto* key : k_order) {
    if (spec.contains(key)) {
      ordered[key] = spec[key];
    }
  }
  for (const auto& [key, item] : spec.items()) {
    if (!ordered.contains(key)) {
      ordered[key] = item;
    }
  }
  YAML::Emitter out;
  out.SetBoolFormat(YAML::TrueFalseBool);
  emit(out, ordered);
  return std::string(out.c_str()) + "\n";
}

} // namespace amgen::workflow
