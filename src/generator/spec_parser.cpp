// Spec parser: YAML text → Spec with positions; structural checks only, every error reported.
#include "generator/spec_parser.hpp"

#include "generator/spec_keys.hpp"

#include <charconv>
#include "generator/yaml_position.hpp"

#include <fmt/format.h>

namespace amgen::generator {
namespace {


const char* kind_name(const YAML::Node& node)
{
  if (node.IsMap()) {
    return "a mapping";
  }
  if (node.IsSequence()) {
    return "a list";
  }
  if (node.IsNull()) {
    return "nothing";
  }
  return "a scalar";
}

class SpecParser
{
public:
  SpecParser(const std::string& file, Diagnostics& diagnostics)
    : m_file(file),
      m_diagnostics(diagnostics)
  {
  }

  void parse_root(const YAML::Node& root, Spec& spec)
  {
    if (!root.IsMap()) {
      error(position_of(root), fmt::format("the spec must be a mapping, found {}", kind_name(root)));
      return;
    }
    check_keys(root, spec_keys::k_top, "the spec");
    require(root, "amgen", position_of(root));
    require(root, "project", position_of(root));
    require(root, "services", position_of(root));
    require(root, "entities", position_of(root));
    if (auto node = root["amgen"]) {
      spec.format_version = read_integer(node, "'amgen' (the spec format version)");
    }
    if (auto node = root["project"]) {
      parse_project(node, spec.project);
    }
    spec.level = {1, position_of(root)};
    if (auto node = root["level"]) {
      spec.level = read_integer(node, "'level'");
    }
    if (auto node = root["modules"]) {
      spec.modules = read_string_list(node, "'modules'");
    }
    if (auto node = root["services"]) {
      for_each_item(node, "'services'", [&](const YAML::Node& item) { spec.services.push_back(parse_service(item)); });
    }
    if (auto node = root["entities"]) {
      for_each_entry(node, "'entities'", [&](const YAML::Node& key, const YAML::Node& value) {
        spec.entities.push_back(parse_entity(key, value));
      });
    }
    if (auto node = root["events"]) {
      for_each_entry(node, "'events'", [&](const YAML::Node& key, const YAML::Node& value) {
        spec.events.push_back(parse_event(key, value));
      });
    }
    if (auto node = root["requirements"]) {
      for_each_item(node, "'requirements'",
                    [&](const YAML::Node& item) { spec.requirements.push_back(parse_requirement(item)); });
    }
  }

private:
  void error(Position position, std::string message, std::string hint = {})
  {
    m_diagnostics.error(m_file, position, std::move(message), std::move(hint));
  }

  void check_keys(const YAML::Node& map, const std::vector<std::string>& allowed, std::string_view where)
  {
    for (auto it = map.begin(); it != map.end(); ++it) {
      const auto key = it->first.IsScalar() ? it->first.Scalar() : std::string{};
      if (std::find(allowed.begin(), allowed.end(), key) != allowed.end()) {
        continue;
      }
      const auto suggestion = closest_match(key, allowed);
      error(position_of(it->first), fmt::format("unknown key '{}' in {}", key, where),
            suggestion.empty() ? fmt::format("expected one of: {}", fmt::join(allowed, ", "))
                               : fmt::format("did you mean '{}'?", suggestion));
    }
  }

  void require(const YAML::Node& map, const char* key, Position where)
  {
    if (!map[key]) {
      error(where, fmt::format("missing required key '{}'", key));
    }
  }

  std::optional<LocatedString> read_scalar(const YAML::Node& node, std::string_view what)
  {
    if (!node.IsScalar()) {
      error(position_of(node), fmt::format("{} must be a scalar, found {}", what, kind_name(node)));
      return std::nullopt;
    }
    return LocatedString{node.Scalar(), position_of(node)};
  }

  LocatedString read_string(const YAML::Node& node, std::string_view what)
  {
    return read_scalar(node, what).value_or(LocatedString{{}, position_of(node)});
  }

  Located<long> read_integer(const YAML::Node& node, std::string_view what)
  {
    Located<long> out{0, position_of(node)};
    if (auto scalar = read_scalar(node, what)) {
      const auto& text = scalar->value;
      const auto result = std::from_chars(text.data(), text.data() + text.size(), out.value);
      if (result.ec != std::errc{} || result.ptr != text.data() + text.size()) {
        error(out.position, fmt::format("{} must be an integer, found '{}'", what, text));
      }
    }
    return out;
  }

  Located<double> read_number(const YAML::Node& node, std::string_view what)
  {
    Located<double> out{0, position_of(node)};
    if (auto scalar = read_scalar(node, what)) {
      const auto& text = scalar->value;
      const auto result = std::from_chars(text.data(), text.data() + text.size(), out.value);
      if (result.ec != std::errc{} || result.ptr != text.data() + text.size()) {
        error(out.position, fmt::format("{} must be a number, found '{}'", what, text));
      }
    }
    return out;
  }

  Located<bool> read_bool(const YAML::Node& node, std::string_view what)
  {
    Located<bool> out{false, position_of(node)};
    if (auto scalar = read_scalar(node, what)) {
      if (scalar->value == "true") {
        out.value = true;
      } else if (scalar->value != "false") {
        error(out.position, fmt::format("{} must be true or false, found '{}'", what, scalar->value));
      }
    }
    return out;
  }

  std::vector<LocatedString> read_string_list(const YAML::Node& node, std::string_view what)
  {
    std::vector<LocatedString> out;
    for_each_item(node, what, [&](const YAML::Node& item) {
      if (auto scalar = read_scalar(item, fmt::format("an item of {}", what))) {
        out.push_back(*scalar);
      }
    });
    return out;
  }

  template <typename Fn>
  void for_each_item(const YAML::Node& node, std::string_view what, Fn fn)
  {
    if (!node.IsSequence()) {
      error(position_of(node), fmt::format("{} must be a list, found {}", what, kind_name(node)));
      return;
    }
    for (const auto& item : node) {
      fn(item);
    }
  }

  template <typename Fn>
  void for_each_entry(const YAML::Node& node, std::string_view what, Fn fn)
  {
    if (!node.IsMap()) {
      error(position_of(node), fmt::format("{} must be a mapping, found {}", what, kind_name(node)));
      return;
    }
    for (auto it = node.begin(); it != node.end(); ++it) {
      if (!it->first.IsScalar()) {
        error(position_of(it->first), fmt::format("a key of {} must be a scalar", what));
        continue;
      }
      fn(it->first, it->second);
    }
  }

  bool expect_map(const YAML::Node& node, std::string_view what)
  {
    if (node.IsMap()) {
      return true;
    }
    error(position_of(node), fmt::format("{} must be a mapping, found {}", what, kind_name(node)));
    return false;
  }

  void parse_project(const YAML::Node& node, ProjectSpec& project)
  {
    project.position = position_of(node);
    if (!expect_map(node, "'project'")) {
      return;
    }
    check_keys(node, spec_keys::k_project, "'project'");
    require(node, "name", project.position);
    require(node, "context", project.position);
    if (auto n = node["name"]) {
      project.name = read_string(n, "'project.name'");
    }
    if (auto n = node["context"]) {
      project.context = read_string(n, "'project.context'");
    }
    if (auto n = node["description"]) {
      project.description = read_string(n, "'project.description'");
    }
  }

  ServiceSpec parse_service(const YAML::Node& node)
  {
    ServiceSpec service;
    service.position = position_of(node);
    if (!expect_map(node, "a service")) {
      return service;
    }
    check_keys(node, spec_keys::k_service, "a service");
    require(node, "domain", service.position);
    require(node, "type", service.position);
    if (auto n = node["context"]) {
      service.context = read_string(n, "'context'");
    }
    if (auto n = node["domain"]) {
      service.domain = read_string(n, "'domain'");
    }
    if (auto n = node["function"]) {
      service.function = read_string(n, "'function'");
    }
    if (auto n = node["type"]) {
      service.type = read_string(n, "'type'");
    }
    if (auto n = node["jobs"]) {
      service.has_jobs = true;
      service.jobs_position = position_of(n);
      for_each_entry(n, "'jobs'", [&](const YAML::Node& k, const YAML::Node& v) { service.jobs.push_back(parse_job(k, v)); });
    }
    if (auto n = node["commands"]) {
      service.has_commands = true;
      service.commands_position = position_of(n);
      for_each_entry(n, "'commands'",
                     [&](const YAML::Node& k, const YAML::Node& v) { service.commands.push_back(parse_command(k, v)); });
    }
    return service;
  }

  JobSpec parse_job(const YAML::Node& key, const YAML::Node& node)
  {
    JobSpec job;
    job.name = {key.Scalar(), position_of(key)};
    job.position = position_of(key);
    const auto where = fmt::format("job '{}'", key.Scalar());
    if (!expect_map(node, where)) {
      return job;
    }
    check_keys(node, spec_keys::k_job, where);
    if (auto n = node["event"]) {
      job.event = read_string(n, "'event'");
    }
    if (auto n = node["every"]) {
      job.every = read_string(n, "'every'");
    }
    if (auto n = node["calls"]) {
      job.calls = read_string_list(n, "'calls'");
    }
    if (auto n = node["description"]) {
      job.description = read_string(n, "'description'");
    }
    return job;
  }

  CommandSpec parse_command(const YAML::Node& key, const YAML::Node& node)
  {
    CommandSpec command;
    command.name = {key.Scalar(), position_of(key)};
    command.position = position_of(key);
    const auto where = fmt::format("command '{}'", key.Scalar());
    if (!expect_map(node, where)) {
      return command;
    }
    check_keys(node, spec_keys::k_command, where);
    require(node, "entity", command.position);
    require(node, "action", command.position);
    command.entity.position = command.action.position = command.position;
    if (auto n = node["entity"]) {
      command.entity = read_string(n, "'entity'");
    }
    if (auto n = node["action"]) {
      command.action = read_string(n, "'action'");
    }
    if (auto n = node["description"]) {
      command.description = read_string(n, "'description'");
    }
    return command;
  }

  EventSpec parse_event(const YAML::Node& key, const YAML::Node& node)
  {
    EventSpec event;
    event.name = {key.Scalar(), position_of(key)};
    event.position = position_of(key);
    const auto where = fmt::format("event '{}'", key.Scalar());
    if (!expect_map(node, where)) {
      return event;
    }
    check_keys(node, spec_keys::k_event, where);
    require(node, "entity", event.position);
    event.entity.position = event.position;
    if (auto n = node["entity"]) {
      event.entity = read_string(n, "'entity'");
    }
    if (auto n = node["when"]) {
      event.when = read_string(n, "'when'");
    }
    if (auto n = node["fields"]) {
      event.fields = read_string_list(n, "'fields'");
    }
    if (auto n = node["consumers"]) {
      event.consumers = read_string_list(n, "'consumers'");
    }
    if (auto n = node["priority"]) {
      event.priority = read_integer(n, "'priority'");
    }
    return event;
  }

  EntitySpec parse_entity(const YAML::Node& key, const YAML::Node& node)
  {
    EntitySpec entity;
    entity.name = {key.Scalar(), position_of(key)};
    entity.position = position_of(key);
    const auto where = fmt::format("entity '{}'", key.Scalar());
    if (!expect_map(node, where)) {
      return entity;
    }
    check_keys(node, spec_keys::k_entity, where);
    require(node, "fields", entity.position);
    if (auto n = node["service"]) {
      entity.service = read_string(n, "'service'");
    }
    if (auto n = node["store"]) {
      entity.store = read_string(n, "'store'");
    }
    if (auto n = node["fields"]) {
      for_each_entry(n, fmt::format("the fields of {}", where), [&](const YAML::Node& k, const YAML::Node& v) {
        entity.fields.push_back(parse_field(k, v));
      });
    }
    if (auto n = node["relations"]) {
      for_each_entry(n, fmt::format("the relations of {}", where), [&](const YAML::Node& k, const YAML::Node& v) {
        entity.relations.push_back(parse_relation(k, v));
      });
    }
    return entity;
  }

  FieldSpec parse_field(const YAML::Node& key, const YAML::Node& node)
  {
    FieldSpec field;
    field.name = {key.Scalar(), position_of(key)};
    field.position = position_of(key);
    const auto where = fmt::format("field '{}'", key.Scalar());
    if (!expect_map(node, where)) {
      return field;
    }
    check_keys(node, spec_keys::k_field, where);
    require(node, "type", field.position);
    field.type.position = field.position;
    if (auto n = node["type"]) {
      field.type = read_string(n, "'type'");
    }
    if (auto n = node["required"]) {
      field.required = read_bool(n, "'required'");
    }
    if (auto n = node["unique"]) {
      field.unique = read_bool(n, "'unique'");
    }
    if (auto n = node["default"]) {
      field.default_value = read_scalar(n, "'default'");
    }
    if (auto n = node["min"]) {
      field.min = read_number(n, "'min'");
    }
    if (auto n = node["max"]) {
      field.max = read_number(n, "'max'");
    }
    if (auto n = node["max_length"]) {
      field.max_length = read_integer(n, "'max_length'");
    }
    if (auto n = node["values"]) {
      field.values_position = position_of(n);
      field.values = read_string_list(n, "'values'");
    }
    return field;
  }

  RelationSpec parse_relation(const YAML::Node& key, const YAML::Node& node)
  {
    RelationSpec relation;
    relation.name = {key.Scalar(), position_of(key)};
    relation.position = position_of(key);
    const auto where = fmt::format("relation '{}'", key.Scalar());
    if (!expect_map(node, where)) {
      return relation;
    }
    check_keys(node, spec_keys::k_relation, where);
    require(node, "to", relation.position);
    require(node, "kind", relation.position);
    relation.to.position = relation.kind.position = relation.position;
    if (auto n = node["to"]) {
      relation.to = read_string(n, "'to'");
    }
    if (auto n = node["kind"]) {
      relation.kind = read_string(n, "'kind'");
    }
    if (auto n = node["required"]) {
      relation.required = read_bool(n, "'required'");
    }
    return relation;
  }

  RequirementSpec parse_requirement(const YAML::Node& node)
  {
    RequirementSpec requirement;
    requirement.position = position_of(node);
    if (!expect_map(node, "a requirement")) {
      return requirement;
    }
    check_keys(node, spec_keys::k_requirement, "a requirement");
    require(node, "id", requirement.position);
    require(node, "text", requirement.position);
    if (auto n = node["id"]) {
      requirement.id = read_string(n, "'id'");
    }
    if (auto n = node["text"]) {
      requirement.text = read_string(n, "'text'");
    }
    if (auto n = node["implemented_by"]) {
      requirement.implemented_by = read_string_list(n, "'implemented_by'");
    }
    return requirement;
  }

  const std::string& m_file;
  Diagnostics& m_diagnostics;
};

} // namespace

Spec parse_spec(const std::string& file, const std::string& text, Diagnostics& diagnostics)
{
  Spec spec;
  spec.file = file;
  spec.source = text;
  YAML::Node root;
  try {
    root = YAML::Load(text);
  } catch (const YAML::ParserException& e) {
    diagnostics.error(file, position_of(e.mark), fmt::format("invalid YAML: {}", e.msg));
    return spec;
  }
  spec.has_document = true;
  SpecParser(file, diagnostics).parse_root(root, spec);
  return spec;
}

} // namespace amgen::generator
