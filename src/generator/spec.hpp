// The spec (`amgen.yaml`) as written by the user: every value keeps the position it came from.
#pragma once

#include "generator/diagnostics.hpp"

#include <optional>
#include <string>
#include <vector>

namespace amgen::generator {

template <typename T>
struct Located
{
  T value{};
  Position position;
};

using LocatedString = Located<std::string>;

struct ProjectSpec
{
  LocatedString name;
  LocatedString context;
  LocatedString description;
  Position position;
};

/// A worker job: triggered by an event or a schedule; `calls` are "Entity.action" on the business API.
struct JobSpec
{
  LocatedString name;
  std::optional<LocatedString> event;
  std::optional<LocatedString> every; ///< "30s", "15m", "2h".
  std::vector<LocatedString> calls;
  std::optional<LocatedString> description;
  Position position;
};

/// A bot command: one action on one entity through the business API.
struct CommandSpec
{
  LocatedString name;
  LocatedString entity;
  LocatedString action;
  std::optional<LocatedString> description;
  Position position;
};

/// A service's name parts, stored structurally (never re-split from a joined string).
struct ServiceSpec
{
  std::optional<LocatedString> context; ///< Defaults to the project's context.
  LocatedString domain;
  std::optional<LocatedString> function;
  LocatedString type;
  std::vector<JobSpec> jobs;         ///< Workers only.
  std::vector<CommandSpec> commands; ///< Bots only.
  Position jobs_position;
  Position commands_position;
  bool has_jobs = false;
  bool has_commands = false;
  Position position;
};

/// A domain event the business API publishes after a write of `entity`.
struct EventSpec
{
  LocatedString name;
  LocatedString entity;
  std::optional<LocatedString> when; ///< created | updated | deleted (`on` would be a boolean in YAML 1.1)
  std::vector<LocatedString> fields; ///< Payload fields; empty = all.
  std::vector<LocatedString> consumers;
  std::optional<Located<long>> priority;
  Position position;
};

struct FieldSpec
{
  LocatedString name;
  LocatedString type;
  std::optional<Located<bool>> required;
  std::optional<Located<bool>> unique;
  std::optional<LocatedString> default_value; ///< The YAML scalar as written.
  std::optional<Located<double>> min;
  std::optional<Located<double>> max;
  std::optional<Located<long>> max_length;
  std::vector<LocatedString> values; ///< Enum values.
  Position values_position;
  Position position;
};

struct RelationSpec
{
  LocatedString name;
  LocatedString to;
  LocatedString kind;
  std::optional<Located<bool>> required;
  Position position;
};

struct EntitySpec
{
  LocatedString name;
  std::optional<LocatedString> service; ///< The owning data service; defaults to the first one of its store.
  std::optional<LocatedString> store;   ///< postgres (default) | mongo
  std::vector<FieldSpec> fields;
  std::vector<RelationSpec> relations;
  Position position;
};

struct RequirementSpec
{
  LocatedString id;
  LocatedString text;
  std::vector<LocatedString> implemented_by;
  Position position;
};

struct Spec
{
  std::string file;   ///< The name used in diagnostics.
  std::string source; ///< The text it was parsed from (kept for carets and for .amgen/spec).
  bool has_document = false; ///< False when the YAML itself did not load; nothing else is meaningful then.
  Located<long> format_version;
  ProjectSpec project;
  Located<long> level{1, {}};
  std::vector<LocatedString> modules;
  std::vector<ServiceSpec> services;
  std::vector<EntitySpec> entities;
  std::vector<EventSpec> events;
  std::vector<RequirementSpec> requirements;
};

} // namespace amgen::generator
