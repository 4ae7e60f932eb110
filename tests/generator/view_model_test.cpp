// Tests of generator/view_model*: the precomputed facts templates print.
#include "generator/model.hpp"
#include "generator/view_model.hpp"
#include "support/spec_fixtures.hpp"

#include <doctest/doctest.h>

using namespace amgen::generator;
using Json = nlohmann::ordered_json;

namespace {

Json view_of(const std::string& text)
{
  Diagnostics diagnostics;
  const auto spec = parse_spec("spec.yaml", text, diagnostics);
  validate_spec(spec, {amgen::test::shipped_levels(), {"api", "data_postgres"}, {}}, diagnostics);
  REQUIRE_FALSE(diagnostics.has_errors());
  return build_view_model(build_model(spec), amgen::test::shipped_levels(), "9.9.9");
}

Json field(const Json& view, std::size_t entity, const std::string& name)
{
  for (const auto& f : view["entities"][entity]["entity_fields"]) {
    if (f["field_name"] == name) {
      return f;
    }
  }
  FAIL("no field " << name);
  return {};
}

} // namespace

TEST_SUITE("generator::view_model")
{
  TEST_CASE("service names are joined from their parts and entities follow their parents")
  {
    const auto view = view_of(amgen::test::minimal_spec(
      "    relations:\n      ward: {to: Ward, kind: many_to_one}\n  Ward:\n    fields: {label: {type: string}}\n"));
    CHECK(view["services"][0]["service_name"] == "healthcare_clinic_api");
    CHECK(view["services"][1]["service_name"] == "healthcare_clinic_data_postgres");
    CHECK(view["services"][1]["service_url_env"] == "HEALTHCARE_CLINIC_DATA_POSTGRES_URL");
    CHECK(view["entities"][0]["entity_name"] == "Ward");
    CHECK(view["entities"][1]["entity_name"] == "Patient");
    const auto relation = view["entities"][1]["entity_many_to_one"][0];
    CHECK(relation["relation_fk"] == "ward_id");
    CHECK(relation["relation_fk_constraint"] == "patients_ward_id_fkey");
    CHECK(relation["relation_ondelete"] == "RESTRICT");
  }

  TEST_CASE("the level decides the feature flags and the coverage threshold")
  {
    const auto view = view_of(amgen::test::minimal_spec() + "level: 2\n");
    CHECK(view["coverage_threshold"] == 75);
    CHECK(view["has_request_id"] == true);
    CHECK(view["has_metrics"] == false);
  }

  TEST_CASE("field declarations carry constraints and defaults")
  {
    const auto view = view_of(amgen::test::minimal_spec("      age: {type: int, min: 0, max: 150, default: 30}\n"
                                                        "      fee: {type: decimal, required: false}\n"
                                                        "      state: {type: enum, values: [open, closed], default: open}\n"
                                                        "      email: {type: email, unique: true}\n"));
    CHECK(field(view, 0, "full_name")["field_create_decl_py"] == "str = Field(max_length=255)");
    CHECK(field(view, 0, "age")["field_create_decl_py"] == "int = Field(default=30, ge=0, le=150)");
    CHECK(field(view, 0, "fee")["field_create_decl_py"] == "Decimal | None = Field(default=None, max_digits=12, decimal_places=2)");
    CHECK(field(view, 0, "state")["field_create_decl_py"] == "PatientState = PatientState.OPEN");
    CHECK(field(view, 0, "state")["field_sa_type"] ==
          "Enum(\"open\", \"closed\", name=\"patient_state\", native_enum=False, create_constraint=True, length=6)");
    CHECK(field(view, 0, "email")["field_schema_py_type"] == "EmailStr");
    CHECK(field(view, 0, "email")["field_unique_constraint"] == "uniq_patients_email");
    CHECK(field(view, 0, "email")["field_sample_py"] == "f\"user{n}@example.com\"");
  }

  TEST_CASE("sample values respect the field's bounds")
  {
    const auto view = view_of(amgen::test::minimal_spec("      small: {type: int, min: 100, max: 200}\n"
                                                        "      code: {type: string, max_length: 3}\n"));
    CHECK(field(view, 0, "small")["field_sample_py"] == "100");
    CHECK(field(view, 0, "small")["field_update_value_py"] == "101");
    CHECK(field(view, 0, "code")["field_sample_py"] == "\"cod\"");
    CHECK(field(view, 0, "code")["field_update_value_py"] == "\"upd\"");
  }

  TEST_CASE("a hostile description becomes one safe Python literal")
  {
    auto text = amgen::test::minimal_spec();
    text.replace(text.find("context: healthcare}"), 20,
                 "context: healthcare, description: \"Quotes \\\" and \\\\ and \\\"\\\"\\\" and ünï\\ncode\"}");
    const auto view = view_of(text);
    CHECK(view["project_description_py"] == "'Quotes \" and \\\\ and \"\"\" and ünï\\ncode'");
    CHECK(view["project_description"] == "Quotes \" and \\ and \"\"\" and ünï code");
  }
}
