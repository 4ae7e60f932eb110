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
  validate_spec(spec,
                {amgen::test::shipped_levels(), {"api", "data_postgres", "data_mongo", "worker", "bot"},
                 {"rabbitmq", "redis", "mongo", "worker", "bot"}},
                diagnostics);
  REQUIRE_FALSE(diagnostics.has_errors());
  const auto& levels = amgen::test::shipped_levels();
  return build_view_model(build_model(spec, levels), levels, "9.9.9");
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

  TEST_CASE("events, jobs and commands get their routing keys, queues, calls and fields")
  {
    const auto view = view_of("amgen: 1\n"
                              "project: {name: clinic, context: healthcare}\n"
                              "services:\n"
                              "  - {domain: clinic, type: api}\n"
                              "  - {domain: clinic, type: data_postgres}\n"
                              "  - {domain: records, type: data_mongo}\n"
                              "  - domain: reminders\n"
                              "    type: worker\n"
                              "    jobs:\n"
                              "      remind: {event: AppointmentBooked, calls: [Appointment.get, Appointment.list]}\n"
                              "      sweep: {every: 15m}\n"
                              "  - domain: notifications\n"
                              "    type: bot\n"
                              "    commands:\n"
                              "      book: {entity: Appointment, action: create}\n"
                              "entities:\n"
                              "  Patient:\n"
                              "    fields: {full_name: {type: string}}\n"
                              "  Appointment:\n"
                              "    fields: {starts_at: {type: datetime}, note: {type: text, required: false}}\n"
                              "    relations: {patient: {to: Patient, kind: many_to_one}}\n"
                              "  VisitNote:\n"
                              "    store: mongo\n"
                              "    fields: {body: {type: text}}\n"
                              "events:\n"
                              "  AppointmentBooked:\n"
                              "    entity: Appointment\n"
                              "    when: created\n"
                              "    fields: [starts_at]\n"
                              "    consumers: [reminders_worker, healthcare_notifications_bot]\n"
                              "    priority: 5\n");
    CHECK(view["events_exchange"] == "healthcare.events");
    CHECK(view["has_rabbitmq"] == true);
    CHECK(view["has_mongodb"] == true);
    CHECK(view["mongo_service_name"] == "healthcare_records_data_mongo");
    const auto& event = view["events"][0];
    CHECK(event["event_routing_key"] == "healthcare.appointment.booked");
    CHECK(event["event_class"] == "AppointmentBookedEvent");
    CHECK(event["event_priority"] == 5);
    REQUIRE(event["event_fields"].size() == 1);
    CHECK(event["event_fields"][0]["field_name"] == "starts_at");
    CHECK(event["event_consumers"].size() == 2);

    const auto& worker = view["services"][3];
    CHECK(worker["service_redis_db"] == 2);
    CHECK(worker["service_api_url_env"] == "HEALTHCARE_CLINIC_API_URL");
    CHECK(worker["service_consumed_events"][0]["event_queue"] == "healthcare_reminders_worker.appointment_booked");
    CHECK(worker["service_jobs"][0]["job_queue"] == "healthcare_reminders_worker.appointment_booked");
    CHECK(worker["service_jobs"][1]["job_every_seconds"] == 900);
    CHECK(worker["service_jobs"][1]["job_is_scheduled"] == true);
    const auto& called = worker["service_called_entities"];
    REQUIRE(called.size() == 1);
    CHECK(called[0]["entity_calls_get"] == true);
    CHECK(called[0]["entity_calls_list"] == true);
    CHECK(called[0]["entity_calls_create"] == false);

    const auto& bot = view["services"][4];
    CHECK(bot["service_redis_db"] == 1);
    const auto& fields = bot["service_commands"][0]["command_fields"];
    REQUIRE(fields.size() == 3);
    CHECK(fields[2]["field_name"] == "patient_id");
    CHECK(fields[2]["field_is_uuid"] == true);
    CHECK(fields[1]["field_is_required"] == false);

    const auto& api = view["services"][0];
    CHECK(api["service_data_services"][1]["data_service_is_mongo"] == true);
    CHECK(view["entities"][2]["entity_is_mongo"] == true);
    CHECK(view["entities"][2]["entity_data_service_name"] == "healthcare_records_data_mongo");
    CHECK(view["entities"][1]["entity_events"][0]["event_name"] == "AppointmentBooked");
  }

  TEST_CASE("a level whose features need a module brings it, and says why")
  {
    const std::string spec = "amgen: 1\n"
                             "project: {name: shop, context: ecommerce}\n"
                             "level: LEVEL\n"
                             "services:\n"
                             "  - {domain: shop, type: api}\n"
                             "  - {domain: shop, type: data_postgres}\n"
                             "entities:\n"
                             "  Order:\n"
                             "    fields: {amount: {type: decimal}}\n";
    auto at_level = [&](const std::string& level) {
      auto text = spec;
      text.replace(text.find("LEVEL"), 5, level);
      return view_of(text);
    };
    CHECK(at_level("3")["has_redis"] == false);
    const auto level4 = at_level("4");
    CHECK(level4["has_redis"] == true);
    bool noted = false;
    for (const auto& module : level4["modules"]) {
      if (module["module_name"] == "redis") {
        noted = module["module_reason"].get<std::string>().find("required by feature oauth2_jwt (level 4)") == 0;
      }
    }
    CHECK(noted);
  }
}
