// Tests of generator/pipeline: the composed stages, the default spec and the .amgen/ record.
#include "generator/pipeline.hpp"
#include "support/spec_fixtures.hpp"
#include "util/sha256.hpp"

#include <doctest/doctest.h>

using namespace amgen::generator;

TEST_SUITE("generator::pipeline")
{
  TEST_CASE("the spec made from flags is valid and names the two core services")
  {
    const auto store = TemplateStore::embedded();
    const auto text = default_spec_text(store, {"shop", "ecommerce", "catalog", 2, {}, {}});
    const auto lines = amgen::test::check_spec(text);
    CHECK(lines == std::vector<std::string>{});
    CHECK(text.find("  - {domain: catalog, type: api}\n") != std::string::npos);
    CHECK(text.find("level: 2\n") != std::string::npos);
    CHECK(text.find("modules") == std::string::npos);
  }

  TEST_CASE("flag modules land in the spec")
  {
    const auto text = default_spec_text(TemplateStore::embedded(), {"shop", "ecommerce", "shop", 1, {"redis", "worker"}, {}});
    CHECK(text.find("modules: [redis, worker]\n") != std::string::npos);
  }

  TEST_CASE("answered entities replace the example entity, and the first one is what services and events use")
  {
    DefaultSpecRequest request{"clinic", "healthcare", "clinic", 1, {"worker", "bot"}, {}};
    request.entities = {{"Patient", {{"full_name", "string", false, {}}, {"birth_date", "date", true, {}}}},
                        {"Visit", {{"status", "enum", false, {"booked", "done"}}}}};
    const auto text = default_spec_text(TemplateStore::embedded(), request);
    CHECK(amgen::test::check_spec(text)
          == std::vector<std::string>{"spec.yaml:0:0: note: module 'rabbitmq' added: the spec defines events",
                                      "spec.yaml:0:0: note: module 'redis' added: required by bot"});
    CHECK(text.find("Item") == std::string::npos);
    CHECK(text.find("      full_name: {type: string, max_length: 200}\n") != std::string::npos);
    CHECK(text.find("      birth_date: {type: date, required: false}\n") != std::string::npos);
    CHECK(text.find("      status: {type: enum, values: [booked, done]}\n") != std::string::npos);
    CHECK(text.find("follow_up_patient: {event: PatientCreated, calls: [Patient.get]") != std::string::npos);
    CHECK(text.find("      patients: {entity: Patient, action: list") != std::string::npos);
    CHECK(text.find("{id: FR-002, text: \"Visits are created, listed, updated and deleted\", implemented_by: [Visit]}")
          != std::string::npos);
  }

  TEST_CASE("an invalid spec renders nothing")
  {
    const auto result = generate_project({"spec.yaml", "amgen: 1\nproject: {name: x}\n", std::nullopt, std::nullopt},
                                         TemplateStore::embedded(), "0.0.0");
    CHECK(result.diagnostics.has_errors());
    CHECK(result.files.empty());
  }

  TEST_CASE("the project record lists every file with its owner and hash, and keeps the spec")
  {
    const auto spec = amgen::test::source_file("examples/clinic/amgen.yaml");
    const auto result = generate_project({"amgen.yaml", spec, std::string("demo"), 2L}, TemplateStore::embedded(), "1.2.3");
    REQUIRE_FALSE(result.diagnostics.has_errors());
    const RenderedFile* record = nullptr;
    const RenderedFile* kept_spec = nullptr;
    for (const auto& file : result.files) {
      record = file.path == ".amgen/project.json" ? &file : record;
      kept_spec = file.path == ".amgen/spec.yaml" ? &file : kept_spec;
    }
    REQUIRE(record != nullptr);
    REQUIRE(kept_spec != nullptr);
    CHECK(kept_spec->content == spec);
    const auto json = nlohmann::json::parse(record->content);
    CHECK(json["amgen_version"] == "1.2.3");
    CHECK(json["project_name"] == "demo");
    CHECK(json["level"] == 2);
    CHECK(json["overrides"] == nlohmann::json{{"project_name", "demo"}, {"level", 2}});
    CHECK(json["files"].size() == result.files.size() - 1);
    for (const auto& entry : json["files"]) {
      for (const auto& file : result.files) {
        if (file.path == entry["path"]) {
          CHECK(entry["sha256"] == amgen::util::sha256_hex(file.content));
        }
      }
    }
  }
}
