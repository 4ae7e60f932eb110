// JSON Schema (draft 2020-12) of the spec, built from the same key tables the parser checks.
#include "generator/spec_schema.hpp"

#include "generator/spec_keys.hpp"

namespace amgen::generator {
namespace {

using Json = nlohmann::ordered_json;

Json string_schema(const char* description, const char* pattern = nullptr)
{
  Json out{{"type", "string"}, {"description", description}};
  if (pattern) {
    out["pattern"] = pattern;
  }
  return out;
}

Json closed_object(Json properties, Json required)
{
  return Json{{"type", "object"}, {"additionalProperties", false}, {"required", std::move(required)},
              {"properties", std::move(properties)}};
}

constexpr const char* k_snake = "^[a-z][a-z0-9]*(_[a-z0-9]+)*$";

Json field_schema()
{
  Json properties;
  properties["type"] = Json{{"enum", spec_keys::k_field_types}, {"description", "The field's type"}};
  properties["required"] = Json{{"type", "boolean"}, {"default", true}, {"description", "NOT NULL; required on create"}};
  properties["unique"] = Json{{"type", "boolean"}, {"default", false}, {"description", "A unique constraint (409 on violation)"}};
  properties["default"] = Json{{"type", {"string", "number", "boolean"}}, {"description", "Default on create"}};
  properties["min"] = Json{{"type", "number"}, {"description", "Lower bound (int, decimal)"}};
  properties["max"] = Json{{"type", "number"}, {"description", "Upper bound (int, decimal)"}};
  properties["max_length"] = Json{{"type", "integer"}, {"minimum", 1}, {"maximum", 10000}, {"description", "Longest value (string, text)"}};
  properties["values"] = Json{{"type", "array"}, {"items", string_schema("An enum value", k_snake)}, {"minItems", 1},
                              {"description", "The values of an enum field"}};
  return closed_object(properties, Json::array({"type"}));
}

Json relation_schema()
{
  Json properties;
  properties["to"] = string_schema("The related entity", "^[A-Z][A-Za-z0-9]*$");
  properties["kind"] = Json{{"enum", spec_keys::k_relation_kinds}, {"description", "many_to_one adds a foreign key"}};
  properties["required"] = Json{{"type", "boolean"}, {"default", true}, {"description", "many_to_one: the key is NOT NULL"}};
  return closed_object(properties, Json::array({"to", "kind"}));
}

Json snake_map(Json item_schema)
{
  return Json{{"type", "object"}, {"propertyNames", Json{{"pattern", k_snake}}},
              {"additionalProperties", std::move(item_schema)}};
}

Json job_schema()
{
  Json properties;
  properties["event"] = string_schema("The event that triggers the job", "^[A-Z][A-Za-z0-9]*$");
  properties["every"] = string_schema("A schedule instead of an event: 30s, 15m, 2h", "^[1-9][0-9]*[smh]$");
  properties["calls"] = Json{{"type", "array"},
                             {"items", string_schema("Entity.action on the business API (get, list, create, update, "
                                                     "delete)",
                                                     "^[A-Z][A-Za-z0-9]*\\.(get|list|create|update|delete)$")}};
  properties["description"] = string_schema("What the job does");
  return closed_object(properties, Json::array());
}

Json command_schema()
{
  Json properties;
  properties["entity"] = string_schema("The entity the command works on", "^[A-Z][A-Za-z0-9]*$");
  properties["action"] = Json{{"enum", spec_keys::k_command_actions}, {"description", "What the command does"}};
  properties["description"] = string_schema("Shown by /help");
  return closed_object(properties, Json::array({"entity", "action"}));
}

Json event_schema()
{
  Json properties;
  properties["entity"] = string_schema("The entity the event is about", "^[A-Z][A-Za-z0-9]*$");
  properties["when"] = Json{{"enum", spec_keys::k_event_triggers},
                          {"description", "The business API publishes the event after this write"}};
  properties["fields"] = Json{{"type", "array"}, {"uniqueItems", true}, {"items", string_schema("A field of the entity", k_snake)},
                              {"description", "The payload besides the id; all fields when absent"}};
  properties["consumers"] = Json{{"type", "array"}, {"uniqueItems", true},
                                 {"items", string_schema("A worker or bot service, e.g. reminders_worker", k_snake)}};
  properties["priority"] = Json{{"type", "integer"}, {"minimum", 0}, {"maximum", 10}, {"description", "AMQP priority"}};
  return closed_object(properties, Json::array({"entity", "when"}));
}

} // namespace

Json spec_json_schema(const LevelsTable& levels)
{
  Json project;
  project["name"] = string_schema("The project's name", k_snake);
  project["context"] = string_schema("The business context, first part of every service name", k_snake);
  project["description"] = string_schema("One or two sentences on what the system does");

  Json service;
  service["context"] = string_schema("Overrides the project's context for this service", k_snake);
  service["domain"] = string_schema("The business domain: the second part of the name", k_snake);
  service["function"] = string_schema("Optional third part, only when the domain is ambiguous", k_snake);
  service["type"] = Json{{"enum", spec_keys::k_service_types}, {"description", "The service kind"}};
  service["jobs"] = snake_map(job_schema());
  service["jobs"]["description"] = "Workers only: what the worker does, by snake_case name";
  service["commands"] = snake_map(command_schema());
  service["commands"]["description"] = "Bots only: the bot's commands, by snake_case name";

  Json entity;
  entity["service"] = string_schema("The owning data service, e.g. clinic_data_postgres");
  entity["store"] = Json{{"enum", spec_keys::k_stores}, {"default", "postgres"},
                         {"description", "mongo: owned by the data_mongo service"}};
  entity["fields"] = Json{{"type", "object"}, {"minProperties", 1},
                          {"propertyNames", Json{{"pattern", k_snake}}}, {"additionalProperties", field_schema()},
                          {"description", "The entity's fields, by snake_case name (id and timestamps are added)"}};
  entity["relations"] = Json{{"type", "object"}, {"propertyNames", Json{{"pattern", k_snake}}},
                             {"additionalProperties", relation_schema()},
                             {"description", "Relations to other entities of the same data service"}};

  Json requirement;
  requirement["id"] = string_schema("FR-001, UI-001 or NF-001", "^(FR|UI|NF)-[0-9]{3}$");
  requirement["text"] = string_schema("What is required");
  requirement["implemented_by"] = Json{{"type", "array"}, {"items", string_schema("An entity or service name")}};

  Json properties;
  properties["amgen"] = Json{{"const", 1}, {"description", "The spec format version"}};
  properties["project"] = closed_object(project, Json::array({"name", "context"}));
  properties["project"]["description"] = "The project's name, business context and description";
  properties["level"] = Json{{"type", "integer"}, {"minimum", 1}, {"maximum", static_cast<int>(levels.levels.size())},
                             {"default", 1}, {"description", "Maturity level (see `amgen levels`)"}};
  properties["modules"] = Json{{"type", "array"}, {"uniqueItems", true}, {"items", Json{{"enum", spec_keys::k_modules}}},
                               {"description", "Optional modules; those the services and events need are added"}};
  properties["services"] = Json{{"type", "array"}, {"minItems", 1},
                                {"items", closed_object(service, Json::array({"domain", "type"}))},
                                {"description", "The services, named <context>_<domain>[_<function>]_<type>"}};
  properties["entities"] = Json{{"type", "object"}, {"minProperties", 1},
                                {"propertyNames", Json{{"pattern", "^[A-Z][A-Za-z0-9]*$"}}},
                                {"additionalProperties", closed_object(entity, Json::array({"fields"}))},
                                {"description", "The business entities, by PascalCase name"}};
  properties["events"] = Json{{"type", "object"}, {"propertyNames", Json{{"pattern", "^[A-Z][A-Za-z0-9]*$"}}},
                              {"additionalProperties", event_schema()},
                              {"description", "Domain events the business API publishes, by PascalCase name"}};
  properties["requirements"] = Json{{"type", "array"},
                                    {"items", closed_object(requirement, Json::array({"id", "text"}))},
                                    {"description", "Functional and non-functional requirements, traced to code"}};

  Json schema;
  schema["$schema"] = "https://json-schema.org/draft/2020-12/schema";
  schema["$id"] = "urn:amgen:spec:1";
  schema["title"] = "amgen project spec (amgen.yaml)";
  auto body = closed_object(properties, Json::array({"amgen", "project", "services", "entities"}));
  for (auto& [key, value] : body.items()) {
    schema[key] = value;
  }
  return schema;
}

} // namespace amgen::generator
