// The spec written as YAML reads back as the same data and passes the generator's validator.
#include "generator/pipeline.hpp"
#include "workflow/spec_yaml.hpp"
#include "workflow/workflow_fixtures.hpp"

#include <doctest/doctest.h>
#include <yaml-cpp/yaml.h>

namespace amgen::workflow {

TEST_SUITE("workflow::spec_yaml")
{
  TEST_CASE("workflow: top-level keys come in the documented order and strings are quoted")
  {
    const auto spec = nlohmann::ordered_json::parse(
      R"({"services": [], "amgen": 1, "project": {"name": "yes", "context": "no"}, "level": 2})");
    CHECK(spec_yaml(spec) == "amgen: 1\nproject:\n  name: \"yes\"\n  context: \"no\"\nlevel: 2\nservices: []\n");
  }

  TEST_CASE("workflow: the fixture spec as YAML validates without errors")
  {
    const auto yaml = spec_yaml(nlohmann::ordered_json::parse(test::plan_result().at("spec").dump()));
    const auto diagnostics =
      generator::validate_project({"amgen.yaml", yaml, {}, {}}, generator::TemplateStore::embedded());
    CHECK_FALSE(diagnostics.has_errors());
    CHECK(YAML::Load(yaml)["entities"]["Patient"]["fields"]["full_name"]["max_length"].as<int>() == 200);
  }
}

} // namespace amgen::workflow
