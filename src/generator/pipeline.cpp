// Pipeline: the stages before `plan`, composed; each stage reports into one Diagnostics.
#include "generator/pipeline.hpp"

#include "generator/manifest.hpp"
#include "generator/model.hpp"
#include "generator/modules.hpp"
#include "generator/names.hpp"
#include "generator/spec_keys.hpp"
#include "generator/spec_parser.hpp"
#include "generator/spec_validator.hpp"
#include "generator/standalone_tags.hpp"
#include "generator/view_model.hpp"
#include "util/error.hpp"
#include "util/sha256.hpp"

#include <fmt/format.h>
#include <kainjow/mustache.hpp>

namespace amgen::generator {
namespace {

/// Modules whose service kind has templates, and the infrastructure modules the project templates cover.
std::vector<std::string> available_modules(const std::vector<std::string>& service_types)
{
  std::vector<std::string> out;
  for (const auto& module : module_catalogue()) {
    if (module.has_infrastructure_templates
        || (!module.service_type.empty()
            && std::find(service_types.begin(), service_types.end(), module.service_type) != service_types.end())) {
      out.push_back(module.name);
    }
  }
  return out;
}

/// Service types whose template folder exists in the store.
std::vector<std::string> available_service_types(const TemplateStore& store)
{
  std::vector<std::string> out;
  for (const auto& folder : store.manifest_folders()) {
    if (std::find(spec_keys::k_service_types.begin(), spec_keys::k_service_types.end(), folder)
        != spec_keys::k_service_types.end()) {
      out.push_back(folder);
    }
  }
  return out;
}

Spec parse_and_validate(const ProjectRequest& request, const TemplateStore& store, const LevelsTable& levels,
                        Diagnostics& diagnostics)
{
  auto spec = parse_spec(request.spec_file, request.spec_text, diagnostics);
  if (request.project_name) {
    spec.project.name.value = *request.project_name;
  }
  if (request.level) {
    spec.level.value = *request.level;
  }
  const auto service_types = available_service_types(store);
  const ValidationContext context{levels, service_types, available_modules(service_types)};
  validate_spec(spec, context, diagnostics);
  return spec;
}

RenderedFile project_record(const ProjectRequest& request, const Spec& spec, const std::vector<RenderedFile>& files,
                            std::string_view amgen_version)
{
  nlohmann::ordered_json record;
  record["amgen_version"] = std::string(amgen_version);
  record["project_name"] = spec.project.name.value;
  record["level"] = spec.level.value;
  record["spec"] = ".amgen/spec.yaml";
  nlohmann::ordered_json overrides = nlohmann::ordered_json::object();
  if (request.project_name) {
    overrides["project_name"] = *request.project_name;
  }
  if (request.level) {
    overrides["level"] = *request.level;
  }
  record["overrides"] = overrides;
  auto& listed = record["files"] = nlohmann::ordered_json::array();
  for (const auto& file : files) {
    listed.push_back({{"path", file.path}, {"owner", owner_name(file.owner)}, {"sha256", util::sha256_hex(file.content)}});
  }
  return {".amgen/project.json", record.dump(2) + "\n", Owner::template_owned};
}

} // namespace

LevelsTable load_levels(const TemplateStore& store, Diagnostics& diagnostics)
{
  const auto* text = store.find("levels.yaml");
  if (!text) {
    diagnostics.error(store.display_name("levels.yaml"), {}, "missing levels.yaml");
    return {};
  }
  return parse_levels(store.display_name("levels.yaml"), *text, diagnostics);
}

Diagnostics validate_project(const ProjectRequest& request, const TemplateStore& store)
{
  Diagnostics diagnostics;
  const auto levels = load_levels(store, diagnostics);
  if (!diagnostics.has_errors()) {
    (void)parse_and_validate(request, store, levels, diagnostics);
  }
  return diagnostics;
}

ProjectResult generate_project(const ProjectRequest& request, const TemplateStore& store,
                               std::string_view amgen_version)
{
  ProjectResult result;
  auto& diagnostics = result.diagnostics;
  const auto levels = load_levels(store, diagnostics);
  if (diagnostics.has_errors()) {
    return result;
  }
  const auto spec = parse_and_validate(request, store, levels, diagnostics);
  if (diagnostics.has_errors()) {
    return result;
  }
  const auto model = build_model(spec, levels);
  result.view_model = build_view_model(model, levels, amgen_version);
  std::vector<Manifest> manifests;
  for (const auto& folder : store.manifest_folders()) {
    manifests.push_back(load_manifest(store, folder, levels, diagnostics));
  }
  if (diagnostics.has_errors()) {
    return result;
  }
  auto files = render_project(store, manifests, *result.view_model, diagnostics);
  if (diagnostics.has_errors()) {
    return result;
  }
  files.push_back({".amgen/spec.yaml", request.spec_text, Owner::template_owned});
  files.push_back(project_record(request, spec, files, amgen_version));
  std::sort(files.begin(), files.end(), [](const RenderedFile& a, const RenderedFile& b) { return a.path < b.path; });
  result.files = std::move(files);
  return result;
}

namespace {

// The entities of a default spec, and the names the services derive from the first one.
void set_entities(kainjow::mustache::data& view, const std::vector<DefaultSpecEntity>& entities)
{
  using kainjow::mustache::data;
  const std::string primary = entities.empty() ? "Item" : entities.front().name;
  const auto primary_snake = snake_from_pascal(primary);
  view.set("primary", primary);
  view.set("primary_snake", primary_snake);
  view.set("primary_words", words_from_snake(primary_snake));
  view.set("primary_plural", plural_snake(primary_snake));
  view.set("primary_plural_words", words_from_snake(plural_snake(primary_snake)));
  data entity_list{data::type::list};
  data requirement_list{data::type::list};
  int requirement_number = 0;
  const auto add_requirement = [&](const std::string& entity) {
    data requirement{data::type::object};
    requirement.set("requirement_id", fmt::format("FR-{:03}", ++requirement_number));
    requirement.set("requirement_text",
                    fmt::format("{} are created, listed, updated and deleted",
                                title_from_snake(plural_snake(snake_from_pascal(entity)))));
    requirement.set("requirement_entity", entity);
    requirement_list.push_back(requirement);
  };
  for (const auto& entity : entities) {
    data item{data::type::object};
    item.set("entity_name", entity.name);
    data fields{data::type::list};
    for (const auto& field : entity.fields) {
      data f{data::type::object};
      f.set("field_name", field.name);
      f.set("field_type", field.type);
      f.set("field_is_string", field.type == "string");
      f.set("field_optional", field.optional);
      f.set("field_has_values", !field.values.empty());
      f.set("field_values", fmt::format("{}", fmt::join(field.values, ", ")));
      fields.push_back(f);
    }
    item.set("entity_fields", fields);
    entity_list.push_back(item);
    add_requirement(entity.name);
  }
  if (entities.empty()) {
    add_requirement(primary);
  }
  view.set("entities", entity_list);
  view.set("requirements", requirement_list);
}

} // namespace

std::string default_spec_text(const TemplateStore& store, const DefaultSpecRequest& request)
{
  const auto* text = store.find("default_spec.yaml");
  if (!text) {
    throw Error(fmt::format("{}: missing default spec template", store.display_name("default_spec.yaml")));
  }
  kainjow::mustache::mustache view(strip_standalone_tags(*text).text);
  view.set_custom_escape([](const std::string& s) { return s; });
  if (!view.is_valid()) {
    throw Error(fmt::format("{}: template error: {}", store.display_name("default_spec.yaml"), view.error_message()));
  }
  kainjow::mustache::data data{kainjow::mustache::data::type::object};
  data.set("project_name", request.project_name);
  data.set("project_title", title_from_snake(request.project_name));
  data.set("context", request.context);
  data.set("domain", request.domain);
  data.set("level", std::to_string(request.level));
  const auto with = [&](const char* module) {
    return std::find(request.modules.begin(), request.modules.end(), module) != request.modules.end();
  };
  std::vector<std::string> consumers;
  if (with("worker")) {
    consumers.push_back(request.domain + "_jobs_worker");
  }
  if (with("bot")) {
    consumers.push_back(request.domain + "_chat_bot");
  }
  data.set("with_worker", with("worker"));
  data.set("with_bot", with("bot"));
  data.set("with_mongo", with("mongo"));
  data.set("with_events", !consumers.empty());
  set_entities(data, request.entities);
  data.set("consumers", fmt::format("{}", fmt::join(consumers, ", ")));
  data.set("has_modules", !request.modules.empty());
  data.set("modules", fmt::format("{}", fmt::join(request.modules, ", ")));
  auto out = view.render(data);
  remove_standalone_markers(out);
  return out;
}

} // namespace amgen::generator
