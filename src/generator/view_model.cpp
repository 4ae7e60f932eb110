// View model of the project, its services and its entities.
#include "generator/view_model.hpp"

#include "generator/names.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace amgen::generator {
namespace {

using Json = nlohmann::ordered_json;

std::string url_env(const std::string& service_name)
{
  return screaming_from_snake(service_name) + "_URL";
}

Json many_to_one_view(const std::string& table, const ManyToOne& relation)
{
  const auto target_snake = snake_from_pascal(relation.target);
  const auto target_table = plural_snake(target_snake);
  Json view;
  view["relation_name"] = relation.name;
  view["relation_fk"] = relation.name + "_id";
  view["relation_target_name"] = relation.target;
  view["relation_target_snake"] = target_snake;
  view["relation_target_table"] = target_table;
  view["relation_target_kebab_plural"] = kebab_from_snake(target_table);
  view["relation_is_required"] = relation.is_required;
  view["relation_ondelete"] = relation.is_required ? "RESTRICT" : "SET NULL";
  view["relation_fk_constraint"] = postgres_identifier(fmt::format("{}_{}_id_fkey", table, relation.name));
  view["relation_index_name"] = postgres_identifier(fmt::format("idx_{}_{}_id", table, relation.name));
  view["relation_fk_create_decl_py"] = relation.is_required ? "UUID" : "UUID | None = None";
  view["relation_fk_public_decl_py"] = relation.is_required ? "UUID" : "UUID | None";
  return view;
}

Json one_to_many_view(const OneToMany& relation)
{
  const auto child_snake = snake_from_pascal(relation.target);
  Json view;
  view["child_relation_name"] = relation.name;
  view["child_entity_name"] = relation.target;
  view["child_snake"] = child_snake;
  view["child_snake_plural"] = plural_snake(child_snake);
  view["child_kebab_plural"] = kebab_from_snake(plural_snake(child_snake));
  view["child_fk"] = relation.back_relation + "_id";
  return view;
}

bool uses(const Entity& entity, FieldType type)
{
  for (const auto& field : entity.fields) {
    if (field.type == type) {
      return true;
    }
  }
  return false;
}

Json list_of(const Json& items, const char* flag)
{
  Json out = Json::array();
  for (const auto& item : items) {
    if (item[flag].get<bool>()) {
      out.push_back(item);
    }
  }
  return out;
}

} // namespace

Json entity_view(const Model& model, const Entity& entity)
{
  const auto snake = snake_from_pascal(entity.name);
  const auto table = plural_snake(snake);
  Json fields = Json::array();
  Json enums = Json::array();
  Json sort_keys = Json::array({Json{{"sort_key", "created_at"}}});
  for (const auto& field : entity.fields) {
    auto view = field_view(entity, field);
    if (view["field_is_sortable"].get<bool>()) {
      sort_keys.push_back(Json{{"sort_key", field.name}});
    }
    if (field.type == FieldType::enumeration) {
      Json values = Json::array();
      for (const auto& value : field.values) {
        values.push_back(Json{{"enum_member", screaming_from_snake(value)},
                              {"enum_value_py", python_string_literal(value)}});
      }
      enums.push_back(Json{{"enum_class", enum_class_name(entity.name, field)},
                           {"enum_field_label", words_from_snake(field.name)},
                           {"enum_values", values}});
    }
    fields.push_back(std::move(view));
  }
  Json parents = Json::array();
  for (const auto& relation : entity.parents) {
    parents.push_back(many_to_one_view(table, relation));
  }
  Json children = Json::array();
  for (const auto& relation : entity.children) {
    children.push_back(one_to_many_view(relation));
  }
  const Field* update_field = &entity.fields.front();
  for (const auto& field : entity.fields) {
    if (field.type != FieldType::json) {
      update_field = &field;
      break;
    }
  }
  const auto update_view = field_view(entity, *update_field);

  Json view;
  view["entity_name"] = entity.name;
  view["entity_snake"] = snake;
  view["entity_screaming"] = screaming_from_snake(snake);
  view["entity_path_id"] = "{" + snake + "_id}";
  view["entity_pk_constraint"] = postgres_identifier(table + "_pkey");
  view["entity_created_at_index"] = postgres_identifier("idx_" + table + "_created_at");
  view["entity_snake_plural"] = table;
  view["entity_kebab_plural"] = kebab_from_snake(table);
  view["entity_table"] = table;
  view["entity_label"] = words_from_snake(snake);
  view["entity_label_plural"] = words_from_snake(table);
  view["entity_data_service_name"] = entity.data_service;
  view["entity_data_service_url_env"] = url_env(entity.data_service);
  view["entity_fields"] = fields;
  view["entity_unique_fields"] = list_of(fields, "field_is_unique");
  view["entity_filter_fields"] = list_of(fields, "field_is_filterable");
  view["entity_sort_keys"] = sort_keys;
  view["entity_enums"] = enums;
  view["entity_has_enums"] = !enums.empty();
  view["entity_many_to_one"] = parents;
  view["entity_has_many_to_one"] = !parents.empty();
  view["entity_one_to_many"] = children;
  view["entity_has_one_to_many"] = !children.empty();
  view["entity_requirement_ids"] = fmt::format("{}", fmt::join(entity.requirement_ids, ", "));
  view["entity_has_requirements"] = !entity.requirement_ids.empty();
  view["entity_uses_decimal"] = uses(entity, FieldType::decimal);
  view["entity_uses_date"] = uses(entity, FieldType::date);
  view["entity_uses_json"] = uses(entity, FieldType::json);
  view["entity_uses_email"] = uses(entity, FieldType::email);
  view["entity_uses_datetime"] = uses(entity, FieldType::datetime);
  view["entity_uses_uuid"] = uses(entity, FieldType::uuid) || !parents.empty();
  view["entity_uses_stdlib_types"] = uses(entity, FieldType::date) || uses(entity, FieldType::datetime)
                                     || uses(entity, FieldType::decimal) || uses(entity, FieldType::json)
                                     || uses(entity, FieldType::uuid) || !parents.empty();
  view["entity_has_filters"] = !view["entity_filter_fields"].empty() || !parents.empty();
  view["entity_has_unique_fields"] = !view["entity_unique_fields"].empty();
  // Whether a field's sample value reads `n` (a number that makes it unique), so a test defines `n` only then.
  const auto& field_views = view["entity_fields"];
  view["entity_samples_use_n"] = std::any_of(field_views.begin(), field_views.end(), [](const Json& field) {
    return field["field_sample_py"].get<std::string>().find("{n") != std::string::npos;
  });
  view["entity_store"] = entity.is_mongo ? "mongo" : "postgres";
  view["entity_is_mongo"] = entity.is_mongo;
  view["entity_collection"] = table;
  Json events = Json::array();
  for (const auto& event : model.events) {
    if (event.entity == entity.name) {
      events.push_back(event_view(model, event));
    }
  }
  view["entity_events"] = events;
  view["entity_has_events"] = !events.empty();
  view["entity_update_field_name"] = update_field->name;
  view["entity_update_value_py"] = update_view["field_update_value_py"];
  return view;
}

namespace {

Json service_view(const Model& model, const Service& service, const Json& entities)
{
  Json view;
  view["service_name"] = service.name;
  view["service_name_kebab"] = kebab_from_snake(service.name);
  view["service_name_screaming"] = screaming_from_snake(service.name);
  view["service_title"] = title_from_snake(service.name);
  view["service_kind"] = service.kind;
  view["service_is_api"] = service.kind == "api";
  view["service_is_data_postgres"] = service.kind == "data_postgres";
  view["service_context"] = service.context;
  view["service_domain"] = service.domain;
  view["service_function"] = service.function;
  view["service_port_dev"] = 8000 + service.index;
  view["service_url_env"] = url_env(service.name);
  Json owned = Json::array();
  for (const auto& entity : entities) {
    if (service.kind == "api" || entity["entity_data_service_name"] == service.name) {
      owned.push_back(entity);
    }
  }
  view["service_entities"] = owned;
  Json data_services = Json::array();
  if (service.kind == "api") {
    for (const auto& candidate : model.services) {
      if (candidate.kind == "data_postgres" || candidate.kind == "data_mongo") {
        data_services.push_back(Json{{"data_service_name", candidate.name},
                                     {"data_service_url_env", url_env(candidate.name)},
                                     {"data_service_port_dev", 8000 + candidate.index},
                                     {"data_service_is_mongo", candidate.kind == "data_mongo"}});
      }
    }
  }
  view["service_data_services"] = data_services;
  add_messaging_service_keys(model, service, view);
  return view;
}

std::string first_service_of_kind(const Model& model, const std::string& kind)
{
  const auto* service = model.first_service(kind);
  return service ? service->name : std::string{};
}

} // namespace

Json build_view_model(const Model& model, const LevelsTable& levels, std::string_view amgen_version)
{
  const auto* level = levels.find_level(model.level);
  Json root;
  root["amgen_version"] = std::string(amgen_version);
  root["project_name"] = model.project_name;
  root["project_name_kebab"] = kebab_from_snake(model.project_name);
  root["project_title"] = title_from_snake(model.project_name);
  root["project_context"] = model.context;
  root["project_description"] = collapse_whitespace(model.description);
  root["project_description_py"] = python_string_literal(model.description);
  root["level"] = model.level;
  root["level_name"] = level ? level->name : std::string{};
  root["coverage_threshold"] = level ? level->coverage : 0;
  for (const auto& feature : levels.features) {
    root["has_" + feature.id] = levels.includes(feature, model.level);
  }
  Json entities = Json::array();
  for (const auto& entity : model.entities) {
    entities.push_back(entity_view(model, entity));
  }
  Json services = Json::array();
  for (const auto& service : model.services) {
    services.push_back(service_view(model, service, entities));
  }
  root["services"] = services;
  root["entities"] = entities;
  Json requirements = Json::array();
  for (const auto& requirement : model.requirements) {
    requirements.push_back(Json{{"requirement_id", requirement.id},
                                {"requirement_text", collapse_whitespace(requirement.text)},
                                {"requirement_implemented_by", fmt::format("{}", fmt::join(requirement.implemented_by, ", "))}});
  }
  root["requirements"] = requirements;
  root["has_requirements"] = !model.requirements.empty();
  root["api_service_name"] = first_service_of_kind(model, "api");
  root["data_service_name"] = first_service_of_kind(model, "data_postgres");
  add_messaging_root_keys(model, root);
  return root;
}

} // namespace amgen::generator
