// Spec → Model: joins names, resolves owners and back-relations, orders entities parents-first.
#include "generator/model.hpp"

#include "generator/spec_validator.hpp"

#include <array>
#include <set>

namespace amgen::generator {
namespace {

constexpr std::array<std::pair<const char*, FieldType>, 11> k_field_types = {{
  {"string", FieldType::string},   {"text", FieldType::text},       {"int", FieldType::integer},
  {"decimal", FieldType::decimal}, {"bool", FieldType::boolean},    {"date", FieldType::date},
  {"datetime", FieldType::datetime}, {"uuid", FieldType::uuid},     {"email", FieldType::email},
  {"enum", FieldType::enumeration}, {"json", FieldType::json},
}};

Field build_field(const FieldSpec& spec)
{
  Field field;
  field.name = spec.name.value;
  field.type = field_type_from_name(spec.type.value);
  field.is_required = !spec.required || spec.required->value;
  field.is_unique = spec.unique && spec.unique->value;
  if (spec.default_value) {
    field.default_value = spec.default_value->value;
  }
  if (spec.min) {
    field.min = spec.min->value;
  }
  if (spec.max) {
    field.max = spec.max->value;
  }
  if (spec.max_length) {
    field.max_length = spec.max_length->value;
  }
  for (const auto& value : spec.values) {
    field.values.push_back(value.value);
  }
  return field;
}

std::string owning_service(const Spec& spec, const EntitySpec& entity)
{
  for (const auto& service : spec.services) {
    if (service.type.value != "data_postgres") {
      continue;
    }
    if (!entity.service || entity.service->value == service_short_name(service)
        || entity.service->value == service_name(spec, service)) {
      return service_name(spec, service);
    }
  }
  return {};
}

Entity build_entity(const Spec& spec, const EntitySpec& entity_spec)
{
  Entity entity;
  entity.name = entity_spec.name.value;
  entity.data_service = owning_service(spec, entity_spec);
  for (const auto& field : entity_spec.fields) {
    entity.fields.push_back(build_field(field));
  }
  for (const auto& relation : entity_spec.relations) {
    if (relation.kind.value == "many_to_one") {
      entity.parents.push_back({relation.name.value, relation.to.value,
                                !relation.required || relation.required->value});
      continue;
    }
    OneToMany child{relation.name.value, relation.to.value, {}};
    for (const auto& candidate : spec.entities) {
      if (candidate.name.value != relation.to.value) {
        continue;
      }
      for (const auto& back : candidate.relations) {
        if (back.kind.value == "many_to_one" && back.to.value == entity.name) {
          child.back_relation = back.name.value;
        }
      }
    }
    entity.children.push_back(child);
  }
  for (const auto& requirement : spec.requirements) {
    for (const auto& target : requirement.implemented_by) {
      if (target.value == entity.name) {
        entity.requirement_ids.push_back(requirement.id.value);
      }
    }
  }
  return entity;
}

/// Stable topological order: an entity comes after every entity it references (self-references aside).
std::vector<Entity> parents_first(std::vector<Entity> entities)
{
  std::vector<Entity> ordered;
  std::set<std::string> placed;
  while (!entities.empty()) {
    bool progressed = false;
    for (auto it = entities.begin(); it != entities.end(); ++it) {
      bool ready = true;
      for (const auto& parent : it->parents) {
        ready = ready && (parent.target == it->name || placed.contains(parent.target));
      }
      if (ready) {
        placed.insert(it->name);
        ordered.push_back(std::move(*it));
        entities.erase(it);
        progressed = true;
        break;
      }
    }
    if (!progressed) { // an optional-relation cycle: keep spec order for the rest
      for (auto& entity : entities) {
        ordered.push_back(std::move(entity));
      }
      break;
    }
  }
  return ordered;
}

} // namespace

FieldType field_type_from_name(const std::string& name)
{
  for (const auto& [text, type] : k_field_types) {
    if (name == text) {
      return type;
    }
  }
  return FieldType::string;
}

std::string field_type_name(FieldType type)
{
  for (const auto& [text, candidate] : k_field_types) {
    if (candidate == type) {
      return text;
    }
  }
  return "string";
}

const Entity* Model::find_entity(const std::string& name) const
{
  for (const auto& entity : entities) {
    if (entity.name == name) {
      return &entity;
    }
  }
  return nullptr;
}

Model build_model(const Spec& spec)
{
  Model model;
  model.project_name = spec.project.name.value;
  model.context = spec.project.context.value;
  model.description = spec.project.description.value;
  model.level = static_cast<int>(spec.level.value);
  for (const auto& module : spec.modules) {
    model.modules.push_back(module.value);
  }
  int index = 0;
  for (const auto& service : spec.services) {
    model.services.push_back({service_name(spec, service),
                              service.context ? service.context->value : spec.project.context.value,
                              service.domain.value, service.function ? service.function->value : std::string{},
                              service.type.value, index++});
  }
  std::vector<Entity> entities;
  for (const auto& entity : spec.entities) {
    entities.push_back(build_entity(spec, entity));
  }
  model.entities = parents_first(std::move(entities));
  for (const auto& requirement : spec.requirements) {
    Requirement out{requirement.id.value, requirement.text.value, {}};
    for (const auto& target : requirement.implemented_by) {
      out.implemented_by.push_back(target.value);
    }
    model.requirements.push_back(out);
  }
  return model;
}

} // namespace amgen::generator
