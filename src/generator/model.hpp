// The resolved model: a validated Spec with names joined, owners and back-relations resolved, and the
// entities in dependency order (parents before children).
#pragma once

#include "generator/levels.hpp"
#include "generator/spec.hpp"

#include <optional>
#include <string>
#include <vector>

namespace amgen::generator {

enum class FieldType { string, text, integer, decimal, boolean, date, datetime, uuid, email, enumeration, json };

[[nodiscard]] FieldType field_type_from_name(const std::string& name); ///< Name as in the spec, assumed valid.
[[nodiscard]] std::string field_type_name(FieldType type);

struct Field
{
  std::string name;
  FieldType type = FieldType::string;
  bool is_required = true;
  bool is_unique = false;
  std::optional<std::string> default_value;
  std::optional<double> min;
  std::optional<double> max;
  std::optional<long> max_length;
  std::vector<std::string> values;
};

struct ManyToOne
{
  std::string name; ///< The relation; its column is `<name>_id`.
  std::string target;
  bool is_required = true;
};

struct OneToMany
{
  std::string name;
  std::string target;
  std::string back_relation; ///< The target's many-to-one relation pointing here.
};

struct Entity
{
  std::string name; ///< PascalCase.
  std::string data_service;
  bool is_mongo = false; ///< `store: mongo`: owned by a data_mongo service, no relations.
  std::vector<Field> fields;
  std::vector<ManyToOne> parents;
  std::vector<OneToMany> children;
  std::vector<std::string> requirement_ids;
};

/// A call of a worker job on the business API: `Entity.action`.
struct Call
{
  std::string entity;
  std::string action; ///< get, list, create, update, delete
};

struct Job
{
  std::string name;
  std::string description;
  std::string event;      ///< Empty for scheduled jobs.
  long every_seconds = 0; ///< 0 for event jobs.
  std::vector<Call> calls;
};

struct Command
{
  std::string name;
  std::string description;
  std::string entity;
  std::string action; ///< list, get, create
};

struct Event
{
  std::string name;   ///< PascalCase.
  std::string entity;
  std::string on;     ///< created, updated, deleted
  std::vector<std::string> fields; ///< Payload fields besides the id, in entity order.
  int priority = 0;
  bool has_priority = false;
  std::vector<std::string> consumers; ///< Full service names.
};

struct Module
{
  std::string name;
  std::string reason;
};

struct Service
{
  std::string name; ///< `{context}_{domain}[_{function}]_{type}`.
  std::string context;
  std::string domain;
  std::string function;
  std::string kind; ///< The service type: api, data_postgres, ...
  int index = 0;    ///< Position in the spec, for stable ports.
  std::vector<Job> jobs;         ///< Workers.
  std::vector<Command> commands; ///< Bots.
};

struct Requirement
{
  std::string id;
  std::string text;
  std::vector<std::string> implemented_by;
};

struct Model
{
  std::string project_name;
  std::string context;
  std::string description;
  int level = 1;
  std::vector<Module> modules; ///< Listed, implied and required ones (see modules.hpp).
  std::vector<Service> services;
  std::vector<Entity> entities;
  std::vector<Event> events;
  std::vector<Requirement> requirements;

  [[nodiscard]] const Entity* find_entity(const std::string& name) const;
  [[nodiscard]] const Event* find_event(const std::string& name) const;
  [[nodiscard]] bool has_module(const std::string& name) const;
  /// The first service of `kind` in spec order, or nullptr.
  [[nodiscard]] const Service* first_service(const std::string& kind) const;
};

/// Resolves a Spec that passed `validate_spec` (behaviour on an invalid spec is unspecified).
[[nodiscard]] Model build_model(const Spec& spec, const LevelsTable& levels);

} // namespace amgen::generator
