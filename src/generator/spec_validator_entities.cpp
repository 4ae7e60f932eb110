// Spec validation of `entities`: names, fields and their constraints, relations and their cycles.
#include "generator/names.hpp"
#include "generator/reserved_words.hpp"
#include "generator/spec_keys.hpp"
#include "generator/spec_validator.hpp"

#include <algorithm>
#include <charconv>
#include <functional>
#include <fmt/format.h>
#include <map>
#include <set>

namespace amgen::generator::detail {
namespace {

/// Field names the generated code uses itself: columns it adds, query parameters, ORM/pydantic attributes.
const std::vector<std::string> k_generated_names = {"id", "created_at", "updated_at", "limit", "offset", "sort",
                                                    "metadata", "registry", "items", "total"};

bool contains(const std::vector<std::string>& items, const std::string& word)
{
  return std::find(items.begin(), items.end(), word) != items.end();
}

bool parses_as_number(const std::string& text, bool integral)
{
  double value = 0;
  if (integral) {
    long whole = 0;
    const auto r = std::from_chars(text.data(), text.data() + text.size(), whole);
    return r.ec == std::errc{} && r.ptr == text.data() + text.size();
  }
  const auto r = std::from_chars(text.data(), text.data() + text.size(), value);
  return r.ec == std::errc{} && r.ptr == text.data() + text.size();
}

class EntityValidator
{
public:
  EntityValidator(const Spec& spec, Diagnostics& diagnostics)
    : m_spec(spec),
      m_diagnostics(diagnostics)
  {
    for (const auto& entity : spec.entities) {
      m_entity_names.push_back(entity.name.value);
    }
    for (const auto& service : spec.services) {
      if (service.type.value == "data_postgres") {
        m_data_services.push_back(service_short_name(service));
        m_data_services_full.push_back(service_name(spec, service));
      } else if (service.type.value == "data_mongo") {
        m_mongo_services.push_back(service_short_name(service));
        m_mongo_services_full.push_back(service_name(spec, service));
      }
    }
  }

  void run()
  {
    if (m_spec.entities.empty() && m_spec.project.position.line > 0) {
      error(m_spec.project.position, "the spec defines no entities", "add at least one entity under 'entities'");
    }
    std::map<std::string, Position> seen;
    for (const auto& entity : m_spec.entities) {
      const auto [it, inserted] = seen.emplace(entity.name.value, entity.name.position);
      if (!inserted) {
        error(entity.name.position,
              fmt::format("duplicate entity '{}' (first defined at line {})", entity.name.value, it->second.line));
      }
      validate_entity(entity);
    }
    validate_required_cycles();
  }

private:
  void error(Position position, std::string message, std::string hint = {})
  {
    m_diagnostics.error(m_spec.file, position, std::move(message), std::move(hint));
  }

  const EntitySpec* find_entity(const std::string& name) const
  {
    for (const auto& entity : m_spec.entities) {
      if (entity.name.value == name) {
        return &entity;
      }
    }
    return nullptr;
  }

  static bool is_mongo(const EntitySpec& entity) { return entity.store && entity.store->value == "mongo"; }

  const std::vector<std::string>& owners_for(const EntitySpec& entity) const
  {
    return is_mongo(entity) ? m_mongo_services : m_data_services;
  }

  std::string owner_of(const EntitySpec& entity) const
  {
    const auto& shorts = owners_for(entity);
    const auto& fulls = is_mongo(entity) ? m_mongo_services_full : m_data_services_full;
    if (!entity.service) {
      return shorts.empty() ? std::string{} : shorts.front();
    }
    for (std::size_t i = 0; i < shorts.size(); ++i) {
      if (entity.service->value == shorts[i] || entity.service->value == fulls[i]) {
        return shorts[i];
      }
    }
    return entity.service->value;
  }

  void validate_store(const EntitySpec& entity)
  {
    if (!entity.store) {
      return;
    }
    const auto& store = *entity.store;
    const auto& stores = spec_keys::k_stores;
    if (std::find(stores.begin(), stores.end(), store.value) == stores.end()) {
      const auto suggestion = closest_match(store.value, stores);
      error(store.position, fmt::format("unknown store '{}' for entity '{}'", store.value, entity.name.value),
            suggestion.empty() ? fmt::format("stores: {}", fmt::join(stores, ", "))
                               : fmt::format("did you mean '{}'?", suggestion));
    } else if (is_mongo(entity) && m_mongo_services.empty()) {
      error(store.position, fmt::format("entity '{}' is stored in MongoDB, but no service has type data_mongo",
                                        entity.name.value),
            "add {domain: <domain>, type: data_mongo} to 'services'");
    }
  }

  void validate_entity(const EntitySpec& entity)
  {
    const auto& name = entity.name;
    if (!is_pascal_case(name.value)) {
      error(name.position, fmt::format("entity name '{}' must be PascalCase", name.value),
            "start with an uppercase letter and use letters and digits only, e.g. 'LoanApplication'");
    } else {
      const auto snake = snake_from_pascal(name.value);
      if (is_python_keyword(snake) || is_python_builtin(snake) || is_python_builtin(name.value)) {
        error(name.position, fmt::format("entity name '{}' collides with a Python keyword or builtin", name.value),
              fmt::format("rename it, e.g. '{}Record'", name.value));
      } else if (is_sql_reserved(plural_snake(snake))) {
        error(name.position, fmt::format("entity '{}' would get the table '{}', an SQL reserved word", name.value,
                                         plural_snake(snake)));
      }
    }
    validate_store(entity);
    if (entity.service && !contains(owners_for(entity), owner_of(entity))) {
      const auto suggestion = closest_match(entity.service->value, owners_for(entity));
      error(entity.service->position,
            fmt::format("entity '{}' names the service '{}', which is no {} service", name.value,
                        entity.service->value, is_mongo(entity) ? "data_mongo" : "data_postgres"),
            suggestion.empty() ? std::string{} : fmt::format("did you mean '{}'?", suggestion));
    }
    if (entity.fields.empty() && entity.position.line > 0) {
      error(entity.position, fmt::format("entity '{}' has no fields", name.value));
    }
    std::map<std::string, Position> names;
    for (const auto& field : entity.fields) {
      check_unique_member(names, field.name);
      validate_field(field);
    }
    std::map<std::string, Position> children;
    for (const auto& relation : entity.relations) {
      check_unique_member(names, relation.name);
      validate_relation(entity, relation, names);
      if (relation.kind.value != "one_to_many") {
        continue;
      }
      // The listing route is named after the child entity, so a second one would take the same path.
      const auto [it, inserted] = children.emplace(relation.to.value, relation.name.position);
      if (!inserted) {
        error(relation.name.position, fmt::format("entity '{}' has a second one_to_many relation to '{}' "
                                                  "(first at line {})",
                                                  name.value, relation.to.value, it->second.line));
      }
    }
  }

  void check_unique_member(std::map<std::string, Position>& names, const LocatedString& member)
  {
    const auto [it, inserted] = names.emplace(member.value, member.position);
    if (!inserted) {
      error(member.position,
            fmt::format("duplicate field or relation '{}' (first defined at line {})", member.value, it->second.line));
    }
  }

  void validate_member_name(const LocatedString& name, std::string_view what)
  {
    if (contains(k_generated_names, name.value) || name.value.starts_with("model_")) {
      error(name.position, fmt::format("{} '{}' is a name the generated code uses itself", what, name.value),
            fmt::format("rename it, e.g. '{}_value'", name.value));
      return;
    }
    check_identifier(m_spec, name, what, m_diagnostics);
  }

  void validate_field(const FieldSpec& field)
  {
    validate_member_name(field.name, "field");
    const auto& type = field.type.value;
    if (!contains(spec_keys::k_field_types, type)) {
      if (!type.empty()) {
        const auto suggestion = closest_match(type, spec_keys::k_field_types);
        error(field.type.position, fmt::format("unknown field type '{}'", type),
              suggestion.empty() ? fmt::format("types: {}", fmt::join(spec_keys::k_field_types, ", "))
                                 : fmt::format("did you mean '{}'?", suggestion));
      }
      return;
    }
    validate_constraints(field);
    validate_enum_values(field);
    if (field.default_value) {
      validate_default(field);
    }
  }

  void validate_constraints(const FieldSpec& field)
  {
    const auto& type = field.type.value;
    const bool numeric = type == "int" || type == "decimal";
    for (const auto* bound : {&field.min, &field.max}) {
      if (*bound && !numeric) {
        error((*bound)->position, fmt::format("'min' and 'max' apply to int and decimal fields, not '{}'", type));
      } else if (*bound && type == "int" && (*bound)->value != static_cast<double>(static_cast<long>((*bound)->value))) {
        error((*bound)->position, "an int field's bounds must be whole numbers");
      }
    }
    if (field.min && field.max && numeric && field.min->value > field.max->value) {
      error(field.max->position, "'max' is smaller than 'min'");
    }
    if (field.max_length) {
      if (type != "string" && type != "text") {
        error(field.max_length->position, fmt::format("'max_length' applies to string and text fields, not '{}'", type));
      } else if (field.max_length->value < 1 || field.max_length->value > 10000) {
        error(field.max_length->position, "'max_length' must be between 1 and 10000");
      }
    }
    if (field.unique && field.unique->value && (type == "json" || type == "text" || type == "bool")) {
      error(field.unique->position, fmt::format("a '{}' field cannot be unique", type));
    }
  }

  void validate_enum_values(const FieldSpec& field)
  {
    const bool is_enum = field.type.value == "enum";
    if (!is_enum) {
      if (!field.values.empty()) {
        error(field.values_position, "'values' applies to enum fields only");
      }
      return;
    }
    if (field.values.empty()) {
      error(field.values_position.line > 0 ? field.values_position : field.type.position,
            "an enum field needs a non-empty 'values' list", "e.g. values: [draft, active, closed]");
    }
    std::set<std::string> seen;
    for (const auto& value : field.values) {
      if (!is_snake_case(value.value) || is_python_keyword(screaming_from_snake(value.value))) {
        error(value.position, fmt::format("enum value '{}' must be snake_case", value.value));
      } else if (value.value.size() > 64) {
        error(value.position, "an enum value is longer than 64 characters");
      }
      if (!seen.insert(value.value).second) {
        error(value.position, fmt::format("duplicate enum value '{}'", value.value));
      }
    }
  }

  void validate_default(const FieldSpec& field)
  {
    const auto& type = field.type.value;
    const auto& value = field.default_value->value;
    const auto where = field.default_value->position;
    if (field.unique && field.unique->value) {
      error(where, "a unique field cannot have a default");
    } else if (type == "date" || type == "datetime" || type == "uuid" || type == "json") {
      error(where, fmt::format("a '{}' field cannot have a default", type));
    } else if (type == "bool" && value != "true" && value != "false") {
      error(where, fmt::format("default '{}' is not true or false", value));
    } else if ((type == "int" || type == "decimal") && !parses_as_number(value, type == "int")) {
      error(where, fmt::format("default '{}' is not a valid {}", value, type));
    } else if (type == "enum" && !field.values.empty()
               && std::none_of(field.values.begin(), field.values.end(),
                               [&](const LocatedString& v) { return v.value == value; })) {
      error(where, fmt::format("default '{}' is not one of the enum values", value));
    } else if ((type == "string" || type == "text") && field.max_length
               && static_cast<long>(value.size()) > field.max_length->value) {
      error(where, "the default is longer than 'max_length'");
    }
  }

  void validate_relation(const EntitySpec& entity, const RelationSpec& relation,
                         const std::map<std::string, Position>& names)
  {
    validate_member_name(relation.name, "relation");
    const auto& kind = relation.kind.value;
    if (!kind.empty() && !contains(spec_keys::k_relation_kinds, kind)) {
      error(relation.kind.position, fmt::format("unknown relation kind '{}'", kind),
            fmt::format("kinds: {}", fmt::join(spec_keys::k_relation_kinds, ", ")));
    }
    if (kind == "many_to_one" && names.contains(relation.name.value + "_id")) {
      error(relation.name.position, fmt::format("relation '{}' needs the column '{}_id', which is also a field",
                                                relation.name.value, relation.name.value));
    }
    const auto* target = relation.to.value.empty() ? nullptr : find_entity(relation.to.value);
    if (!target) {
      if (!relation.to.value.empty()) {
        const auto suggestion = closest_match(relation.to.value, m_entity_names);
        error(relation.to.position, fmt::format("relation '{}' points to unknown entity '{}'", relation.name.value,
                                                relation.to.value),
              suggestion.empty() ? std::string{} : fmt::format("did you mean '{}'?", suggestion));
      }
      return;
    }
    if (is_mongo(entity) || is_mongo(*target)) {
      error(relation.name.position,
            fmt::format("relation '{}' involves a MongoDB entity; relations are for PostgreSQL entities",
                        relation.name.value),
            "keep the reference as a uuid field, e.g. patient_ref: {type: uuid}");
      return;
    }
    if (owner_of(*target) != owner_of(entity)) {
      error(relation.to.position, fmt::format("relation '{}' crosses data services ('{}' is owned by '{}')",
                                              relation.name.value, target->name.value, owner_of(*target)),
            "keep related entities in one data service");
    }
    if (kind == "one_to_many") {
      if (relation.required) {
        error(relation.required->position, "'required' applies to many_to_one relations only");
      }
      const auto backs = std::count_if(target->relations.begin(), target->relations.end(), [&](const RelationSpec& r) {
        return r.kind.value == "many_to_one" && r.to.value == entity.name.value;
      });
      if (backs != 1) {
        error(relation.to.position,
              fmt::format("one_to_many relation '{}' needs exactly one many_to_one relation from '{}' back to '{}', "
                          "found {}",
                          relation.name.value, target->name.value, entity.name.value, backs));
      }
    }
  }

  /// A cycle of required many-to-one relations makes every row need another first: no row can exist.
  void validate_required_cycles()
  {
    enum class Mark { none, visiting, done };
    std::map<std::string, Mark> marks;
    std::function<bool(const EntitySpec&)> visit = [&](const EntitySpec& entity) {
      marks[entity.name.value] = Mark::visiting;
      for (const auto& relation : entity.relations) {
        const bool required = !relation.required || relation.required->value;
        const auto* target = find_entity(relation.to.value);
        if (relation.kind.value != "many_to_one" || !required || !target) {
          continue;
        }
        if (marks[target->name.value] == Mark::visiting) {
          error(relation.name.position,
                fmt::format("required relations form a cycle through '{}'", entity.name.value),
                "make one relation of the cycle 'required: false'");
          return false;
        }
        if (marks[target->name.value] == Mark::none && !visit(*target)) {
          return false;
        }
      }
      marks[entity.name.value] = Mark::done;
      return true;
    };
    for (const auto& entity : m_spec.entities) {
      if (marks[entity.name.value] == Mark::none) {
        visit(entity);
      }
    }
  }

  const Spec& m_spec;
  Diagnostics& m_diagnostics;
  std::vector<std::string> m_entity_names;
  std::vector<std::string> m_data_services;
  std::vector<std::string> m_data_services_full;
  std::vector<std::string> m_mongo_services;
  std::vector<std::string> m_mongo_services_full;
};

} // namespace

void validate_entities(const Spec& spec, Diagnostics& diagnostics)
{
  EntityValidator(spec, diagnostics).run();
}

} // namespace amgen::generator::detail
