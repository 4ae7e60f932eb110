// The keys each spec section accepts: one table read by the parser (unknown keys) and the JSON Schema.
#pragma once

#include <string>
#include <vector>

namespace amgen::generator::spec_keys {

inline const std::vector<std::string> k_top = {"amgen", "project", "level", "modules", "services", "entities",
                                               "events", "requirements"};
inline const std::vector<std::string> k_project = {"name", "context", "description"};
inline const std::vector<std::string> k_service = {"context", "domain", "function", "type", "jobs", "commands"};
inline const std::vector<std::string> k_job = {"event", "every", "calls", "description"};
inline const std::vector<std::string> k_command = {"entity", "action", "description"};
inline const std::vector<std::string> k_event = {"entity", "when", "fields", "consumers", "priority"};
inline const std::vector<std::string> k_entity = {"service", "store", "fields", "relations"};
inline const std::vector<std::string> k_stores = {"postgres", "mongo"};
inline const std::vector<std::string> k_event_triggers = {"created", "updated", "deleted"};
inline const std::vector<std::string> k_call_actions = {"get", "list", "create", "update", "delete"};
inline const std::vector<std::string> k_command_actions = {"list", "get", "create"};
inline const std::vector<std::string> k_field = {"type", "required", "unique", "default", "min", "max", "max_length",
                                                 "values"};
inline const std::vector<std::string> k_relation = {"to", "kind", "required"};
inline const std::vector<std::string> k_requirement = {"id", "text", "implemented_by"};

inline const std::vector<std::string> k_field_types = {"string", "text", "int", "decimal", "bool", "date",
                                                       "datetime", "uuid", "email", "enum", "json"};
inline const std::vector<std::string> k_relation_kinds = {"many_to_one", "one_to_many"};
inline const std::vector<std::string> k_service_types = {"api", "data_postgres", "data_mongo", "worker", "bot"};
inline const std::vector<std::string> k_modules = {"worker", "bot", "mongo", "redis", "rabbitmq", "file_storage",
                                                   "realtime", "payment", "communication"};

} // namespace amgen::generator::spec_keys
