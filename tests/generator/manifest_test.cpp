// Tests of generator/manifest: entries, and every problem a broken manifest can have.
#include "generator/manifest.hpp"
#include "support/spec_fixtures.hpp"

#include <doctest/doctest.h>
#include <set>

using namespace amgen::generator;
using amgen::test::TempDir;

namespace {

std::vector<std::string> manifest_errors(const std::string& manifest, Manifest* out = nullptr)
{
  TempDir dir;
  dir.write_tree({{"project/manifest.yaml", manifest}, {"project/a.mustache", "a"}});
  const auto store = TemplateStore::with_override(dir.path().string());
  Diagnostics diagnostics;
  auto loaded = load_manifest(store, "project", amgen::test::shipped_levels(), diagnostics);
  if (out) {
    *out = loaded;
  }
  std::vector<std::string> lines;
  for (const auto& d : diagnostics.sorted()) {
    lines.push_back(std::to_string(d.position.line) + ":" + std::to_string(d.position.column) + ": " + d.message);
  }
  return lines;
}

} // namespace

TEST_SUITE("generator::manifest")
{
  TEST_CASE("an entry carries its feature, repetition and owner")
  {
    Manifest manifest;
    CHECK(manifest_errors("files:\n  - {template: a.mustache, path: x, feature: metrics, repeat: entity, owner: user}\n",
                          &manifest)
          == std::vector<std::string>{});
    REQUIRE(manifest.entries.size() == 1);
    CHECK(manifest.entries[0].template_path == "project/a.mustache");
    CHECK(manifest.entries[0].feature == "metrics");
    CHECK(manifest.entries[0].repeat == Repeat::per_entity);
    CHECK(manifest.entries[0].owner == Owner::user);
  }

  TEST_CASE("a module gate is one module or a list that must all be present; unknown ones are errors")
  {
    Manifest manifest;
    CHECK(manifest_errors("files:\n"
                          "  - {template: a.mustache, path: x, module: redis}\n"
                          "  - {template: a.mustache, path: y, repeat: job, module: [rabbitmq, redis]}\n",
                          &manifest)
          == std::vector<std::string>{});
    REQUIRE(manifest.entries.size() == 2);
    CHECK(manifest.entries[0].modules == std::vector<std::string>{"redis"});
    CHECK(manifest.entries[1].modules == std::vector<std::string>{"rabbitmq", "redis"});
    CHECK(manifest.entries[1].repeat == Repeat::per_job);
    CHECK(manifest_errors("files:\n  - {template: a.mustache, path: x, module: [redis, kafka]}\n") ==
          std::vector<std::string>{"2:45: unknown module 'kafka'"});
  }

  TEST_CASE("every feature of levels.yaml gates some shipped manifest entry, and every gate is a levels.yaml feature")
  {
    const auto store = TemplateStore::embedded();
    const auto levels = amgen::test::shipped_levels();
    std::set<std::string> gated;
    Diagnostics diagnostics;
    for (const auto& folder : store.manifest_folders()) {
      for (const auto& entry : load_manifest(store, folder, levels, diagnostics).entries) {
        if (!entry.feature.empty()) {
          gated.insert(entry.feature);
        }
      }
    }
    CHECK_FALSE(diagnostics.has_errors()); // a gate naming an unknown feature is a manifest error
    std::set<std::string> defined;
    for (const auto& feature : levels.features) {
      defined.insert(feature.id);
    }
    CHECK(gated == defined);
  }

  TEST_CASE("every problem of a broken manifest is reported at once")
  {
    CHECK(manifest_errors("files:\n"
                          "  - {template: a.mustache, path: x, feature: telepathy}\n"
                          "  - {template: ../../etc/passwd, path: y}\n"
                          "  - {template: missing.mustache, path: z, repeat: events, ownr: user}\n")
          == std::vector<std::string>{
            "2:46: feature 'telepathy' is not defined in levels.yaml",
            "3:16: template path '../../etc/passwd' must stay inside the folder",
            "4:16: template 'project/missing.mustache' does not exist",
            "4:51: unknown repeat 'events'",
            "4:59: unknown key 'ownr' in a manifest entry",
          });
  }

  TEST_CASE("safe relative paths have no empty, dot or dot-dot segment")
  {
    CHECK(is_safe_relative_path("services/a/src/main.py"));
    CHECK_FALSE(is_safe_relative_path("/etc/passwd"));
    CHECK_FALSE(is_safe_relative_path("a/../b"));
    CHECK_FALSE(is_safe_relative_path("a//b"));
    CHECK_FALSE(is_safe_relative_path("./a"));
    CHECK_FALSE(is_safe_relative_path(""));
  }
}
