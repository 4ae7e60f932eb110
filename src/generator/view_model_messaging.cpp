// View model of events, worker jobs, bot commands and the messaging keys of services and the root.
#include "generator/names.hpp"
#include "generator/view_model.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace amgen::generator {
namespace {

using Json = nlohmann::ordered_json;

const std::vector<std::string> k_actions = {"get", "list", "create", "update", "delete"};

/// The routing-key verb: the event name without its entity prefix (`AppointmentBooked` → `booked`).
std::string event_verb(const Event& event)
{
  const auto snake = snake_from_pascal(event.name);
  if (event.name.starts_with(event.entity) && event.name.size() > event.entity.size()) {
    return snake_from_pascal(event.name.substr(event.entity.size()));
  }
  return snake;
}

bool field_is(const Entity& entity, const std::vector<std::string>& names, FieldType type)
{
  return std::any_of(entity.fields.begin(), entity.fields.end(), [&](const Field& field) {
    return field.type == type && std::find(names.begin(), names.end(), field.name) != names.end();
  });
}

Json call_view(const std::string& entity, const std::string& action)
{
  const auto snake = snake_from_pascal(entity);
  Json view;
  view["call_entity_name"] = entity;
  view["call_entity_snake"] = snake;
  view["call_entity_kebab_plural"] = kebab_from_snake(plural_snake(snake));
  view["call_action"] = action;
  for (const auto& candidate : k_actions) {
    view["call_is_" + candidate] = action == candidate;
  }
  return view;
}

/// The entities a worker or bot reaches through the business API, each with the actions it uses.
Json called_entities(const Model& model, const Service& service)
{
  std::vector<std::pair<std::string, std::vector<std::string>>> calls; // entity → actions, first-use order
  auto add = [&](const std::string& entity, const std::string& action) {
    auto it = std::find_if(calls.begin(), calls.end(), [&](const auto& c) { return c.first == entity; });
    if (it == calls.end()) {
      calls.emplace_back(entity, std::vector<std::string>{});
      it = calls.end() - 1;
    }
    if (std::find(it->second.begin(), it->second.end(), action) == it->second.end()) {
      it->second.push_back(action);
    }
  };
  for (const auto& job : service.jobs) {
    for (const auto& call : job.calls) {
      add(call.entity, call.action);
    }
  }
  for (const auto& command : service.commands) {
    add(command.entity, command.action);
  }
  Json out = Json::array();
  for (const auto& [name, actions] : calls) {
    const auto* entity = model.find_entity(name);
    if (!entity) {
      continue;
    }
    auto view = entity_view(model, *entity);
    Json listed = Json::array();
    for (const auto& action : k_actions) {
      const bool used = std::find(actions.begin(), actions.end(), action) != actions.end();
      view["entity_calls_" + action] = used;
      if (used) {
        listed.push_back(Json{{"call_action", action}});
      }
    }
    view["entity_called_actions"] = listed;
    out.push_back(std::move(view));
  }
  return out;
}

} // namespace

Json event_view(const Model& model, const Event& event)
{
  const auto* entity = model.find_entity(event.entity);
  const auto entity_snake = snake_from_pascal(event.entity);
  Json view;
  view["event_name"] = event.name;
  view["event_snake"] = snake_from_pascal(event.name);
  view["event_class"] = event.name + "Event";
  view["event_routing_key"] = fmt::format("{}.{}.{}", model.context, entity_snake, event_verb(event));
  view["event_schema_version"] = 1;
  view["event_has_priority"] = event.has_priority;
  view["event_priority"] = event.priority;
  view["event_entity_name"] = event.entity;
  view["event_entity_snake"] = entity_snake;
  view["event_entity_label"] = words_from_snake(entity_snake);
  view["event_entity_kebab_plural"] = kebab_from_snake(plural_snake(entity_snake));
  view["event_on"] = event.on;
  view["event_on_created"] = event.on == "created";
  view["event_on_updated"] = event.on == "updated";
  view["event_on_deleted"] = event.on == "deleted";
  Json fields = Json::array();
  bool has_enums = false;
  if (entity) {
    for (const auto& field : entity->fields) {
      if (std::find(event.fields.begin(), event.fields.end(), field.name) != event.fields.end()) {
        fields.push_back(field_view(*entity, field));
        has_enums = has_enums || field.type == FieldType::enumeration;
      }
    }
  }
  view["event_fields"] = fields;
  view["event_has_fields"] = !fields.empty();
  view["event_has_enums"] = has_enums;
  const std::vector<std::pair<const char*, FieldType>> uses = {
    {"decimal", FieldType::decimal}, {"date", FieldType::date}, {"datetime", FieldType::datetime},
    {"uuid", FieldType::uuid},       {"json", FieldType::json}, {"email", FieldType::email}};
  for (const auto& [suffix, type] : uses) {
    view[fmt::format("event_uses_{}", suffix)] = entity && field_is(*entity, event.fields, type);
  }
  Json consumers = Json::array();
  for (const auto& consumer : event.consumers) {
    consumers.push_back(Json{{"consumer_service_name", consumer}});
  }
  view["event_consumers"] = consumers;
  return view;
}

Json job_view(const Model& model, const Service& service, const Job& job)
{
  Json view;
  view["job_name"] = job.name;
  view["job_class"] = pascal_from_snake(job.name);
  view["job_description"] = collapse_whitespace(job.description.empty() ? words_from_snake(job.name) : job.description);
  view["job_description_doc"] = python_docstring_text(job.description.empty() ? words_from_snake(job.name)
                                                                               : job.description);
  view["job_description_py"] = python_string_literal(job.description.empty() ? words_from_snake(job.name)
                                                                               : job.description);
  view["job_is_event"] = !job.event.empty();
  view["job_is_scheduled"] = job.event.empty();
  view["job_every_seconds"] = job.every_seconds;
  const auto* event = model.find_event(job.event);
  view["job_event_name"] = event ? event->name : std::string{};
  view["job_event_snake"] = event ? snake_from_pascal(event->name) : std::string{};
  view["job_event_class"] = event ? event->name + "Event" : std::string{};
  view["job_event_entity_snake"] = event ? snake_from_pascal(event->entity) : std::string{};
  view["job_queue"] = event ? fmt::format("{}.{}", service.name, snake_from_pascal(event->name)) : std::string{};
  Json calls = Json::array();
  for (const auto& call : job.calls) {
    calls.push_back(call_view(call.entity, call.action));
  }
  view["job_calls"] = calls;
  view["job_has_calls"] = !calls.empty();
  return view;
}

Json command_view(const Model& model, const Command& command)
{
  const auto snake = snake_from_pascal(command.entity);
  Json view;
  view["command_name"] = command.name;
  const auto description = command.description.empty()
                             ? fmt::format("{} {}", command.action, words_from_snake(plural_snake(snake)))
                             : command.description;
  view["command_description"] = collapse_whitespace(description);
  view["command_description_py"] = python_string_literal(description);
  view["command_description_doc"] = python_docstring_text(description);
  view["command_action"] = command.action;
  view["command_is_list"] = command.action == "list";
  view["command_is_get"] = command.action == "get";
  view["command_is_create"] = command.action == "create";
  view["command_entity_name"] = command.entity;
  view["command_entity_snake"] = snake;
  view["command_entity_label"] = words_from_snake(snake);
  view["command_entity_label_plural"] = words_from_snake(plural_snake(snake));
  view["command_entity_kebab_plural"] = kebab_from_snake(plural_snake(snake));
  Json fields = Json::array();
  if (const auto* entity = model.find_entity(command.entity); entity && command.action == "create") {
    for (const auto& field : entity->fields) {
      fields.push_back(field_view(*entity, field));
    }
    for (const auto& parent : entity->parents) {
      Field key;
      key.name = parent.name + "_id";
      key.type = FieldType::uuid;
      key.is_required = parent.is_required;
      fields.push_back(field_view(*entity, key));
    }
  }
  view["command_fields"] = fields;
  view["command_has_fields"] = !fields.empty();
  return view;
}

void add_messaging_service_keys(const Model& model, const Service& service, Json& view)
{
  view["service_is_worker"] = service.kind == "worker";
  view["service_is_bot"] = service.kind == "bot";
  view["service_is_data_mongo"] = service.kind == "data_mongo";
  view["service_redis_db"] = service.kind == "bot" ? 1 : service.kind == "worker" ? 2 : 0;
  const auto* api = model.first_service("api");
  view["service_api_url_env"] = api ? screaming_from_snake(api->name) + "_URL" : std::string{};
  view["service_api_port_dev"] = api ? 8000 + api->index : 0;
  Json consumed = Json::array();
  for (const auto& event : model.events) {
    if (std::find(event.consumers.begin(), event.consumers.end(), service.name) == event.consumers.end()) {
      continue;
    }
    auto event_json = event_view(model, event);
    event_json["event_queue"] = fmt::format("{}.{}", service.name, snake_from_pascal(event.name));
    consumed.push_back(std::move(event_json));
  }
  view["service_consumed_events"] = consumed;
  view["service_has_consumed_events"] = !consumed.empty();
  Json jobs = Json::array();
  for (const auto& job : service.jobs) {
    jobs.push_back(job_view(model, service, job));
  }
  view["service_jobs"] = jobs;
  view["service_has_jobs"] = !jobs.empty();
  Json commands = Json::array();
  for (const auto& command : service.commands) {
    commands.push_back(command_view(model, command));
  }
  view["service_commands"] = commands;
  view["service_has_commands"] = !commands.empty();
  view["service_called_entities"] = called_entities(model, service);
}

void add_messaging_root_keys(const Model& model, Json& root)
{
  const auto has_kind = [&](const char* kind) {
    return std::any_of(model.services.begin(), model.services.end(), [&](const Service& s) { return s.kind == kind; });
  };
  root["has_events"] = !model.events.empty();
  root["has_rabbitmq"] = model.has_module("rabbitmq");
  root["has_redis"] = model.has_module("redis");
  root["has_mongodb"] = has_kind("data_mongo");
  root["has_workers"] = has_kind("worker");
  root["has_bot"] = has_kind("bot");
  root["events_exchange"] = model.context + ".events";
  root["events_dlx"] = model.context + ".events.dlx";
  Json events = Json::array();
  for (const auto& event : model.events) {
    events.push_back(event_view(model, event));
  }
  root["events"] = events;
  Json modules = Json::array();
  for (const auto& module : model.modules) {
    modules.push_back(Json{{"module_name", module.name}, {"module_reason", module.reason}});
  }
  root["modules"] = modules;
  const auto* api = model.first_service("api");
  root["api_service_url_env"] = api ? screaming_from_snake(api->name) + "_URL" : std::string{};
  root["api_service_port_dev"] = api ? 8000 + api->index : 0;
  const auto* mongo = model.first_service("data_mongo");
  root["mongo_service_name"] = mongo ? mongo->name : std::string{};
}

} // namespace amgen::generator
