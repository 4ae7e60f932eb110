// Spec → Model: joins names, resolves owners and back-relations, orders entities parents-first.
#include "generator/model.hpp"

#include "generator/modules.hpp"
#include "generator/spec_validator.hpp"

#include <algorithm>
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
  const std::string kind = entity.store && entity.store->value == "mongo" ? "data_mongo" : "data_postgres";
  for (const auto& service : spec.services) {
    if (service.type.value != kind) {
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
  entity.is_mongo = entity_spec.store && entity_spec.store->value == "mongo";
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

std::vector<Job> build_jobs(const ServiceSpec& service)
{
  std::vector<Job> jobs;
  for (const auto& spec : service.jobs) {
    Job job{spec.name.value, spec.description ? spec.description->value : std::string{},
            spec.event ? spec.event->value : std::string{},
            spec.every ? detail::schedule_seconds(spec.every->value) : 0, {}};
    for (const auto& call : spec.calls) {
      const auto dot = call.value.find('.');
      job.calls.push_back({call.value.substr(0, dot), call.value.substr(dot + 1)});
    }
    jobs.push_back(std::move(job));
  }
  return jobs;
}

std::vector<Command> build_commands(const ServiceSpec& service)
{
  std::vector<Command> commands;
  for (const auto& spec : service.commands) {
    commands.push_back({spec.name.value, spec.description ? spec.description->value : std::string{},
                        spec.entity.value, spec.action.value});
  }
  return commands;
}

Event build_event(const Spec& spec, const EventSpec& event_spec)
{
  Event event;
  event.name = event_spec.name.value;
  event.entity = event_spec.entity.value;
  event.on = event_spec.when ? event_spec.when->value : std::string{};
  event.has_priority = event_spec.priority.has_value();
  event.priority = event.has_priority ? static_cast<int>(event_spec.priority->value) : 0;
  for (const auto& entity : spec.entities) {
    if (entity.name.value != event.entity) {
      continue;
    }
    for (const auto& field : entity.fields) { // entity order, whatever order the event lists them in
      const bool listed = std::any_of(event_spec.fields.begin(), event_spec.fields.end(),
                                      [&](const LocatedString& f) { return f.value == field.name.value; });
      if (event_spec.fields.empty() || listed) {
        event.fields.push_back(field.name.value);
      }
    }
  }
  for (const auto& consumer : event_spec.consumers) {
    for (const auto& service : spec.services) {
      if (consumer.value == service_short_name(service) || consumer.value == service_name(spec, service)) {
        event.consumers.push_back(service_name(spec, service));
      }
    }
  }
  return event;
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

const Event* Model::find_event(const std::string& name) const
{
  for (const auto& event : events) {
    if (event.name == name) {
      return &event;
    }
  }
  return nullptr;
}

const Service* Model::first_service(const std::string& kind) const
{
  const auto it = std::find_if(services.begin(), services.end(), [&](const Service& s) { return s.kind == kind; });
  return it == services.end() ? nullptr : &*it;
}

bool Model::has_module(const std::string& name) const
{
  return std::any_of(modules.begin(), modules.end(), [&](const Module& m) { return m.name == name; });
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

Model build_model(const Spec& spec, const LevelsTable& levels)
{
  Model model;
  model.project_name = spec.project.name.value;
  model.context = spec.project.context.value;
  model.description = spec.project.description.value;
  model.level = static_cast<int>(spec.level.value);
  for (const auto& module : resolve_modules(spec, levels.features)) {
    model.modules.push_back({module.name, module.reason});
  }
  int index = 0;
  for (const auto& service : spec.services) {
    model.services.push_back({service_name(spec, service),
                              service.context ? service.context->value : spec.project.context.value,
                              service.domain.value, service.function ? service.function->value : std::string{},
                              service.type.value, index++, build_jobs(service), build_commands(service)});
  }
  for (const auto& event : spec.events) {
    model.events.push_back(build_event(spec, event));
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
