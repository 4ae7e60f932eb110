// Tests of generator/renderer: escaping off, feature gating, repetition, error positions, tag coverage.
#include "generator/manifest.hpp"
#include "generator/pipeline.hpp"
#include "generator/renderer.hpp"
#include "support/spec_fixtures.hpp"

#include <doctest/doctest.h>
#include <regex>
#include <set>

using namespace amgen::generator;
using amgen::test::TempDir;
using Json = nlohmann::ordered_json;

namespace {

struct Rendered
{
  std::vector<RenderedFile> files;
  std::vector<std::string> errors;
};

Rendered render_folder(const std::map<std::string, std::string>& tree, const Json& view_model)
{
  TempDir dir;
  dir.write_tree(tree);
  const auto store = TemplateStore::with_override(dir.path().string());
  Diagnostics diagnostics;
  std::vector<Manifest> manifests{load_manifest(store, "project", amgen::test::shipped_levels(), diagnostics)};
  Rendered out;
  if (!diagnostics.has_errors()) {
    out.files = render_project(store, manifests, view_model, diagnostics);
  }
  for (const auto& d : diagnostics.sorted()) {
    out.errors.push_back(format_diagnostic(d, ""));
  }
  for (auto& line : out.errors) {
    line = line.substr(line.find("project/"));
  }
  return out;
}

void collect_keys(const Json& value, std::set<std::string>& keys)
{
  if (value.is_object()) {
    for (const auto& [key, item] : value.items()) {
      keys.insert(key);
      collect_keys(item, keys);
    }
  } else if (value.is_array()) {
    for (const auto& item : value) {
      collect_keys(item, keys);
    }
  }
}

} // namespace

TEST_SUITE("generator::renderer")
{
  TEST_CASE("values are printed without HTML escaping")
  {
    const auto out = render_folder({{"project/manifest.yaml", "files:\n  - {template: a.mustache, path: a.txt}\n"},
                                    {"project/a.mustache", "{{text}}"}},
                                   Json{{"text", "<a href=\"x\">&'</a>"}});
    REQUIRE(out.files.size() == 1);
    CHECK(out.files[0].content == "<a href=\"x\">&'</a>");
  }

  TEST_CASE("a feature-gated file exists only when its flag is on")
  {
    const std::map<std::string, std::string> tree = {
      {"project/manifest.yaml", "files:\n  - {template: m.mustache, path: metrics.py, feature: metrics}\n"},
      {"project/m.mustache", "metrics\n"}};
    CHECK(render_folder(tree, Json{{"has_metrics", false}}).files.empty());
    CHECK(render_folder(tree, Json{{"has_metrics", true}}).files.size() == 1);
  }

  TEST_CASE("a per-entity file is rendered once per entity with the entity's keys on top")
  {
    const auto out = render_folder(
      {{"project/manifest.yaml", "files:\n  - {template: e.mustache, path: \"{{entity_snake}}.py\", repeat: entity}\n"},
       {"project/e.mustache", "{{project_name}}:{{entity_name}}"}},
      Json{{"project_name", "clinic"},
           {"entities", Json::array({Json{{"entity_snake", "patient"}, {"entity_name", "Patient"}},
                                     Json{{"entity_snake", "doctor"}, {"entity_name", "Doctor"}}})}});
    REQUIRE(out.files.size() == 2);
    CHECK(out.files[0].path == "doctor.py");
    CHECK(out.files[0].content == "clinic:Doctor");
    CHECK(out.files[1].path == "patient.py");
  }

  TEST_CASE("an unclosed section names the template, line and column")
  {
    const auto out = render_folder({{"project/manifest.yaml", "files:\n  - {template: bad.mustache, path: a.txt}\n"},
                                    {"project/bad.mustache", "line one\n  {{#items}}\nno end\n"}},
                                   Json::object());
    REQUIRE(out.errors.size() == 1);
    CHECK(out.errors[0] == "project/bad.mustache:2:3: error: template error: Unclosed section \"items\"\n");
  }

  TEST_CASE("an output path leaving the project is refused")
  {
    const auto out = render_folder({{"project/manifest.yaml", "files:\n  - {template: a.mustache, path: \"{{p}}/x\"}\n"},
                                    {"project/a.mustache", "x"}},
                                   Json{{"p", "../outside"}});
    REQUIRE(out.errors.size() == 1);
    CHECK(out.errors[0] ==
          "project/manifest.yaml:2:5: error: output path '../outside/x' must be relative and stay inside the project\n");
  }

  TEST_CASE("every tag in every shipped template is a key of the view model")
  {
    const auto store = TemplateStore::embedded();
    ProjectRequest request{"amgen.yaml", amgen::test::source_file("examples/clinic-reminders/amgen.yaml"), std::nullopt, 3L};
    const auto result = generate_project(request, store, "0.0.0");
    REQUIRE(result.view_model.has_value());
    std::set<std::string> keys;
    collect_keys(*result.view_model, keys);
    const std::regex tag(R"(\{\{[#^/]?\s*([A-Za-z_][A-Za-z0-9_.]*)\s*\}\})");
    // Templates whose output itself uses {{ }} (Prometheus, Grafana) switch mustache to <% %> in their first tag.
    const std::string erb_switch = "{{=<% %>=}}";
    const std::regex erb_tag(R"(<%[#^/]?\s*([A-Za-z_][A-Za-z0-9_.]*)\s*%>)");
    std::vector<std::string> unknown;
    for (const auto& folder : store.manifest_folders()) {
      Diagnostics diagnostics;
      const auto manifest = load_manifest(store, folder, amgen::test::shipped_levels(), diagnostics);
      for (const auto& entry : manifest.entries) {
        const auto* body = store.find(entry.template_path);
        REQUIRE_MESSAGE(body != nullptr, "missing template " << entry.template_path);
        const bool erb = body->starts_with(erb_switch);
        const auto text = (erb ? body->substr(erb_switch.size()) : *body) + "\n" + entry.output_path;
        const auto& pattern = erb ? erb_tag : tag;
        if (erb) {
          CHECK_MESSAGE(body->find(erb_switch, 1) == std::string::npos, entry.template_path);
        }
        for (auto it = std::sregex_iterator(text.begin(), text.end(), pattern); it != std::sregex_iterator(); ++it) {
          if (!keys.contains((*it)[1].str())) {
            unknown.push_back(entry.template_path + ": " + (*it)[1].str());
          }
        }
      }
    }
    CHECK(unknown == std::vector<std::string>{});
  }
}
