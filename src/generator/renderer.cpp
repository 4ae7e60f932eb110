// Renderer: kainjow mustache with HTML escaping off; each template parsed once.
#include "generator/renderer.hpp"

#include "generator/standalone_tags.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <kainjow/mustache.hpp>
#include <map>
#include <memory>
#include <set>

namespace amgen::generator {

namespace mustache = kainjow::mustache;
using Json = nlohmann::ordered_json;

Position position_from_mustache_error(const std::string& message, const std::string& text,
                                      const std::vector<std::size_t>& source_offset)
{
  const auto at = message.rfind(" at ");
  if (at == std::string::npos) {
    return {1, 1};
  }
  std::size_t offset = 0;
  try {
    offset = std::stoul(message.substr(at + 4));
  } catch (const std::exception&) {
    return {1, 1};
  }
  if (!source_offset.empty()) {
    offset = offset < source_offset.size() ? source_offset[offset] : text.size();
  }
  Position position{1, 1};
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++position.line;
      position.column = 1;
    } else {
      ++position.column;
    }
  }
  return position;
}

namespace {

mustache::data to_mustache(const Json& value)
{
  switch (value.type()) {
  case Json::value_t::object: {
    mustache::data out{mustache::data::type::object};
    for (const auto& [key, item] : value.items()) {
      out.set(key, to_mustache(item));
    }
    return out;
  }
  case Json::value_t::array: {
    mustache::data out{mustache::data::type::list};
    for (const auto& item : value) {
      out.push_back(to_mustache(item));
    }
    return out;
  }
  case Json::value_t::boolean: return mustache::data{value.get<bool>()};
  case Json::value_t::string: return mustache::data{value.get<std::string>()};
  case Json::value_t::null: return mustache::data{std::string{}};
  default: return mustache::data{value.dump()};
  }
}

/// The data layers of one file's context, innermost last: root, then service, then entity. kainjow
/// looks keys up from the innermost layer out, so nothing is copied per file.
using Layers = std::vector<const mustache::data*>;

class ProjectRenderer
{
public:
  ProjectRenderer(const TemplateStore& store, Diagnostics& diagnostics)
    : m_store(store),
      m_diagnostics(diagnostics)
  {
  }

  /// Renders every entry of `manifest` in the scope `layers` (root, or root + a service); repeated entries run
  /// once per item of the scope's list for their kind.
  void render_manifest(const Manifest& manifest, const Json& view_model, const Layers& layers, bool in_service)
  {
    for (const auto& entry : manifest.entries) {
      if (!entry.feature.empty() && !view_model.value("has_" + entry.feature, false)) {
        continue;
      }
      if (!std::all_of(entry.modules.begin(), entry.modules.end(),
                       [&](const std::string& module) { return has_module(view_model, module); })) {
        continue;
      }
      auto* body = parsed(entry.template_path, m_store.display_name(entry.template_path));
      auto* path = parsed_path(manifest, entry);
      if (!body || !path) {
        continue;
      }
      if (entry.repeat == Repeat::once) {
        emit(manifest, entry, *body, *path, layers);
        continue;
      }
      const auto* items = layers.back()->get(list_key(entry.repeat, in_service));
      if (!items || !items->is_list()) {
        continue;
      }
      for (const auto& item : items->list_value()) {
        auto item_layers = layers;
        item_layers.push_back(&item);
        emit(manifest, entry, *body, *path, item_layers);
      }
    }
  }

  std::vector<RenderedFile> take_files()
  {
    std::sort(m_files.begin(), m_files.end(),
              [](const RenderedFile& a, const RenderedFile& b) { return a.path < b.path; });
    return std::move(m_files);
  }

private:
  static bool has_module(const Json& view_model, const std::string& name)
  {
    const auto modules = view_model.find("modules");
    return modules != view_model.end()
           && std::any_of(modules->begin(), modules->end(), [&](const Json& m) { return m.value("module_name", "") == name; });
  }

  static std::string list_key(Repeat repeat, bool in_service)
  {
    switch (repeat) {
    case Repeat::per_entity: return in_service ? "service_entities" : "entities";
    case Repeat::per_event: return in_service ? "service_consumed_events" : "events";
    case Repeat::per_job: return "service_jobs";
    case Repeat::per_command: return "service_commands";
    case Repeat::once: break;
    }
    return {};
  }

  mustache::mustache* parse(const std::string& key, const std::string& text, const std::string& file,
                            Position origin)
  {
    auto [it, inserted] = m_parsed.try_emplace(key);
    if (inserted) {
      const auto stripped = strip_standalone_tags(text);
      it->second = std::make_unique<mustache::mustache>(stripped.text);
      it->second->set_custom_escape([](const std::string& s) { return s; });
      if (!it->second->is_valid()) {
        auto message = it->second->error_message();
        auto position = origin.line > 0 ? origin : position_from_mustache_error(message, text, stripped.source_offset);
        // kainjow's " at <offset>" counts bytes of the stripped text; the position replaces it.
        message = message.substr(0, message.rfind(" at "));
        m_diagnostics.error(file, position, fmt::format("template error: {}", message));
      }
    }
    return it->second->is_valid() ? it->second.get() : nullptr;
  }

  mustache::mustache* parsed(const std::string& template_path, const std::string& file)
  {
    const auto* text = m_store.find(template_path);
    return text ? parse(template_path, *text, file, {}) : nullptr;
  }

  mustache::mustache* parsed_path(const Manifest& manifest, const ManifestEntry& entry)
  {
    const auto manifest_file = m_store.display_name(manifest.folder + "/manifest.yaml");
    return parse("path:" + entry.output_path, entry.output_path, manifest_file, entry.position);
  }

  static void push_layers(mustache::context<std::string>& context, const Layers& layers)
  {
    for (const auto* layer : layers) {
      context.push(layer);
    }
  }

  void emit(const Manifest& manifest, const ManifestEntry& entry, mustache::mustache& body,
            mustache::mustache& path_template, const Layers& layers)
  {
    const auto manifest_file = m_store.display_name(manifest.folder + "/manifest.yaml");
    mustache::context<std::string> path_context;
    push_layers(path_context, layers);
    auto path = path_template.render(path_context);
    remove_standalone_markers(path);
    if (!is_safe_relative_path(path)) {
      m_diagnostics.error(manifest_file, entry.position,
                          fmt::format("output path '{}' must be relative and stay inside the project", path));
      return;
    }
    if (!m_paths.insert(path).second) {
      m_diagnostics.error(manifest_file, entry.position, fmt::format("two entries write '{}'", path));
      return;
    }
    mustache::context<std::string> body_context;
    push_layers(body_context, layers);
    auto content = body.render(body_context);
    remove_standalone_markers(content);
    if (!body.is_valid()) {
      m_diagnostics.error(m_store.display_name(entry.template_path), {1, 1},
                          fmt::format("template error: {}", body.error_message()));
      return;
    }
    m_files.push_back({std::move(path), std::move(content), entry.owner});
  }

  const TemplateStore& m_store;
  Diagnostics& m_diagnostics;
  std::map<std::string, std::unique_ptr<mustache::mustache>> m_parsed;
  std::set<std::string> m_paths;
  std::vector<RenderedFile> m_files;
};

} // namespace

std::vector<RenderedFile> render_project(const TemplateStore& store, const std::vector<Manifest>& manifests,
                                         const Json& view_model, Diagnostics& diagnostics)
{
  ProjectRenderer renderer(store, diagnostics);
  const auto root = to_mustache(view_model);
  const auto* services = root.get("services");
  for (const auto& manifest : manifests) {
    if (manifest.folder == "project" || manifest.folder == "shared") {
      renderer.render_manifest(manifest, view_model, {&root}, false);
      continue;
    }
    if (!services) {
      continue;
    }
    for (const auto& service : services->list_value()) {
      const auto* kind = service.get("service_kind");
      if (!kind || !kind->is_string() || kind->string_value() != manifest.folder) {
        continue;
      }
      renderer.render_manifest(manifest, view_model, {&root, &service}, true);
    }
  }
  return renderer.take_files();
}

} // namespace amgen::generator
