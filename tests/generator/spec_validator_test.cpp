// Tests of generator/spec_validator*: every semantic error, with positions, in one run.
#include "support/spec_fixtures.hpp"

#include "generator/diagnostics.hpp"
#include "generator/spec_parser.hpp"

#include <doctest/doctest.h>

using amgen::test::check_spec;
using amgen::test::minimal_spec;
using Lines = std::vector<std::string>;

TEST_SUITE("generator::spec_validator")
{
  TEST_CASE("a spec with five different mistakes yields five positioned errors")
  {
    const std::string text = "amgen: 1\n"
                             "project:\n"
                             "  name: clinic\n"
                             "  context: data\n"
                             "  descripton: x\n"
                             "services:\n"
                             "  - {domain: clinic, type: api}\n"
                             "  - {domain: clinic, type: data_postgres}\n"
                             "entities:\n"
                             "  Patient:\n"
                             "    fields:\n"
                             "      class: {type: string}\n"
                             "      age: {type: integer}\n"
                             "    relations:\n"
                             "      doctor: {to: Doctr, kind: many_to_one}\n"
                             "  Doctor:\n"
                             "    fields:\n"
                             "      full_name: {type: string}\n";
    CHECK(check_spec(text) ==
          Lines{
            "spec.yaml:4:12: error: context 'data' is a generic word the naming rules forbid",
            "spec.yaml:5:3: error: unknown key 'descripton' in 'project'",
            "spec.yaml:12:7: error: field 'class' is a Python keyword",
            "spec.yaml:13:19: error: unknown field type 'integer'",
            "spec.yaml:15:20: error: relation 'doctor' points to unknown entity 'Doctr'",
          });
  }

  TEST_CASE("a diagnostic prints the source line, a caret and the hint")
  {
    const std::string text = minimal_spec("      age: {type: integer}\n");
    amgen::generator::Diagnostics diagnostics;
    (void)amgen::generator::parse_spec("spec.yaml", text, diagnostics);
    const auto lines = check_spec(text);
    REQUIRE(lines.size() == 1);
    amgen::generator::Diagnostic d{"spec.yaml", {10, 19}, amgen::generator::Severity::error,
                                   "unknown field type 'integer'", "did you mean 'int'?"};
    CHECK(amgen::generator::format_diagnostic(d, text) ==
          "spec.yaml:10:19: error: unknown field type 'integer'\n"
          "      age: {type: integer}\n"
          "                  ^\n"
          "  hint: did you mean 'int'?\n");
  }

  TEST_CASE("deprecated contexts are rejected with their replacement")
  {
    auto text = minimal_spec();
    text.replace(text.find("healthcare"), 10, "property");
    CHECK(check_spec(text) == Lines{"spec.yaml:2:34: error: context 'property' is deprecated"});
  }

  TEST_CASE("an unregistered context is a warning, not an error")
  {
    auto text = minimal_spec();
    text.replace(text.find("healthcare"), 10, "veterinary");
    CHECK(check_spec(text) == Lines{"spec.yaml:2:34: warning: context 'veterinary' is not in the context registry"});
  }

  TEST_CASE("an ambiguous domain needs a function part")
  {
    auto text = minimal_spec();
    text.replace(text.find("{domain: clinic, type: api}"), 27, "{domain: fleet, type: api}");
    CHECK(check_spec(text) == Lines{"spec.yaml:4:14: error: domain 'fleet' is ambiguous and needs a function part"});
  }

  TEST_CASE("two services with the same name are a duplicate")
  {
    auto text = minimal_spec();
    text.insert(text.find("entities:"), "  - {domain: clinic, type: api}\n");
    CHECK(check_spec(text) == Lines{"spec.yaml:6:5: error: duplicate service 'healthcare_clinic_api' (first defined at line 4)"});
  }

  TEST_CASE("a service type without templates is reported with what is available")
  {
    auto text = minimal_spec();
    text.insert(text.find("entities:"), "  - {domain: reminder, type: worker, jobs: {sweep: {every: 5m}}}\n");
    CHECK(amgen::test::check_spec_with(text, {"api", "data_postgres"}, {"rabbitmq", "redis"}) ==
          Lines{"spec.yaml:0:0: note: module 'rabbitmq' added: required by worker",
                "spec.yaml:0:0: note: module 'redis' added: required by worker",
                "spec.yaml:6:30: error: service type 'worker' has no templates in this version of amgen"});
  }

  TEST_CASE("field names that are builtins, SQL words or generated names are rejected")
  {
    CHECK(check_spec(minimal_spec("      type: {type: string}\n      order: {type: int}\n      id: {type: uuid}\n")) ==
          Lines{"spec.yaml:10:7: error: field 'type' shadows a Python builtin",
                "spec.yaml:11:7: error: field 'order' is an SQL reserved word",
                "spec.yaml:12:7: error: field 'id' is a name the generated code uses itself"});
  }

  TEST_CASE("names with path separators or quotes are not identifiers")
  {
    CHECK(check_spec(minimal_spec("      \"../etc\": {type: string}\n      'a\"b': {type: string}\n")) ==
          Lines{"spec.yaml:10:7: error: field '../etc' must be snake_case",
                "spec.yaml:11:7: error: field 'a\"b' must be snake_case"});
  }

  TEST_CASE("an entity name must be PascalCase and not a builtin")
  {
    CHECK(check_spec(minimal_spec("  patient_note:\n    fields: {body: {type: text}}\n  Exception:\n    fields: {body: {type: text}}\n")) ==
          Lines{"spec.yaml:10:3: error: entity name 'patient_note' must be PascalCase",
                "spec.yaml:12:3: error: entity name 'Exception' collides with a Python keyword or builtin"});
  }

  TEST_CASE("a duplicate entity is reported at the second definition")
  {
    CHECK(check_spec(minimal_spec("  Patient:\n    fields: {age: {type: int}}\n")) ==
          Lines{"spec.yaml:10:3: error: duplicate entity 'Patient' (first defined at line 7)"});
  }

  TEST_CASE("field constraints must fit the type")
  {
    CHECK(check_spec(minimal_spec("      age: {type: int, min: 10, max: 5, max_length: 3}\n"
                                  "      state: {type: enum}\n"
                                  "      active: {type: bool, default: maybe}\n")) ==
          Lines{"spec.yaml:10:38: error: 'max' is smaller than 'min'",
                "spec.yaml:10:53: error: 'max_length' applies to string and text fields, not 'int'",
                "spec.yaml:11:21: error: an enum field needs a non-empty 'values' list",
                "spec.yaml:12:37: error: default 'maybe' is not true or false"});
  }

  TEST_CASE("an enum default must be one of the values")
  {
    CHECK(check_spec(minimal_spec("      state: {type: enum, values: [open, closed], default: pending}\n")) ==
          Lines{"spec.yaml:10:60: error: default 'pending' is not one of the enum values"});
  }

  TEST_CASE("one_to_many needs a many_to_one back")
  {
    CHECK(check_spec(minimal_spec("    relations:\n      visits: {to: Visit, kind: one_to_many}\n"
                                  "  Visit:\n    fields: {notes: {type: text}}\n")) ==
          Lines{"spec.yaml:11:20: error: one_to_many relation 'visits' needs exactly one many_to_one relation from "
                "'Visit' back to 'Patient', found 0"});
  }

  TEST_CASE("two one_to_many relations to the same child are rejected")
  {
    CHECK(check_spec(minimal_spec("    relations:\n      visits: {to: Visit, kind: one_to_many}\n"
                                  "      stays: {to: Visit, kind: one_to_many}\n"
                                  "  Visit:\n    fields: {notes: {type: text}}\n"
                                  "    relations:\n      patient: {to: Patient, kind: many_to_one}\n")) ==
          Lines{"spec.yaml:12:7: error: entity 'Patient' has a second one_to_many relation to 'Visit' (first at line 11)"});
  }

  TEST_CASE("a cycle of required relations is rejected")
  {
    CHECK(check_spec(minimal_spec("    relations:\n      visit: {to: Visit, kind: many_to_one}\n"
                                  "  Visit:\n    fields: {notes: {type: text}}\n"
                                  "    relations:\n      patient: {to: Patient, kind: many_to_one}\n")) ==
          Lines{"spec.yaml:15:7: error: required relations form a cycle through 'Visit'"});
  }

  TEST_CASE("requirements must be well formed and name existing things")
  {
    CHECK(check_spec(minimal_spec() + "requirements:\n"
                                      "  - {id: FR-1, text: a, implemented_by: [Patient]}\n"
                                      "  - {id: FR-002, text: b, implemented_by: [Patiant]}\n"
                                      "  - {id: FR-002, text: c}\n") ==
          Lines{"spec.yaml:11:10: error: requirement id 'FR-1' must look like FR-001, UI-001 or NF-001",
                "spec.yaml:12:44: error: requirement 'FR-002' names 'Patiant', which is no entity or service",
                "spec.yaml:13:10: error: duplicate requirement 'FR-002' (first defined at line 12)"});
  }

  TEST_CASE("a level outside levels.yaml is rejected")
  {
    CHECK(check_spec(minimal_spec() + "level: 7\n") == Lines{"spec.yaml:10:8: error: level 7 does not exist"});
  }

  TEST_CASE("a module without templates is rejected, an unknown one gets a suggestion")
  {
    CHECK(check_spec(minimal_spec() + "modules: [payment, workr]\n") ==
          Lines{"spec.yaml:0:0: note: module 'rabbitmq' added: required by payment",
                "spec.yaml:0:0: note: module 'redis' added: required by worker",
                "spec.yaml:0:0: note: module 'worker' added: required by payment",
                "spec.yaml:0:0: error: module 'communication' (required by payment) has no templates in this "
                "version of amgen",
                "spec.yaml:10:11: error: module 'payment' (listed in 'modules') has no templates in this version of amgen",
                "spec.yaml:10:20: error: unknown module 'workr'"});
  }
}
