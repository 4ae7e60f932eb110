// Scripted stage results and the workflow harness.
#include "workflow/workflow_fixtures.hpp"

#include <regex>

namespace amgen::test {

using nlohmann::json;

json idea_fields(const std::string& missing_field)
{
  static const char* const k_fields[] = {"business_context", "level", "functional_requirements", "modules",
                                         "nonfunctional_constraints", "dependencies", "scope", "deliverables",
                                         "acceptance_criteria", "open_questions"};
  json fields = json::array();
  for (const auto* field : k_fields) {
    const bool is_missing = field == missing_field;
    fields.push_back({{"field", field},
                      {"status", is_missing ? "missing" : "present"},
                      {"question", is_missing ? "Who uses the app?" : ""}});
  }
  return {{"fields", fields}};
}

json intake_result()
{
  const auto requirement = [](const char* id, const char* kind, const char* title) {
    return json{{"id", id}, {"kind", kind}, {"title", title}, {"priority", "Must"},
                {"description", title}, {"acceptance", "works"}};
  };
  return {{"level", 1},
          {"requirements", {requirement("FR-001", "FR", "Patients register"),
                            requirement("FR-002", "FR", "Patients book appointments"),
                            requirement("NF-001", "NF", "p95 under 300 ms")}},
          {"personas", {"patient"}},
          {"out_of_scope", {"billing"}},
          {"risks", {"no-shows"}}};
}

json plan_result()
{
  const json spec = json::parse(R"({
    "amgen": 1,
    "project": {"name": "clinic", "context": "healthcare", "description": "Appointments"},
    "level": 1,
    "services": [
      {"domain": "clinic", "type": "api"},
      {"domain": "clinic", "type": "data_postgres"},
      {"domain": "reminders", "type": "worker",
       "jobs": {"remind_patient": {"event": "AppointmentBooked", "calls": ["Appointment.get"],
                                   "description": "Remind the patient"}}}],
    "entities": {
      "Patient": {"fields": {"full_name": {"type": "string", "max_length": 200}}},
      "Appointment": {"fields": {"starts_at": {"type": "datetime"}},
                      "relations": {"patient": {"to": "Patient", "kind": "many_to_one"}}}},
    "events": {"AppointmentBooked": {"entity": "Appointment", "when": "created", "consumers": ["reminders_worker"]}},
    "requirements": [
      {"id": "FR-001", "text": "Patients register", "implemented_by": ["Patient"]},
      {"id": "FR-002", "text": "Patients book appointments", "implemented_by": ["Appointment"]}]})");
  return {{"spec", spec},
          {"phases",
           {{{"name", "Data layer"},
             {"tasks", {{{"id", "1.1"}, {"title", "Entities"}, {"requirements", {"FR-001", "FR-002", "NF-001"}}}}}}}},
          {"assumptions", {"email reminders only"}}};
}

ScriptedChat::Responder rule_writer(const std::string& content)
{
  return [content](const llm::Request& request) {
    static const std::regex k_file("File (\\S+):");
    std::smatch match;
    const auto& text = request.messages.front().content;
    std::regex_search(text, match, k_file);
    return json{{"files", {{{"path", match[1].str()}, {"content", content}}}}};
  };
}

WorkflowHarness::WorkflowHarness()
{
  options.idea = "A clinic app where patients book appointments with doctors and get reminders";
  options.out_dir = (dir.path() / "app").string();
  options.install_command = "true";
  options.verify_command = "true";
  options.verify_timeout_s = 60;
  options.yes = true;
}

void WorkflowHarness::script_happy_path()
{
  chat.script("1-validate", idea_fields());
  chat.script("2-intake", intake_result());
  chat.script("3-plan", plan_result());
  chat.respond("4-generate", rule_writer("# Implements: FR-001\nRULE = 1\n"));
}

workflow::Outcome WorkflowHarness::run()
{
  return workflow::run(options, chat, store, pricing, console);
}

std::filesystem::path WorkflowHarness::out() const
{
  return options.out_dir;
}

json WorkflowHarness::state() const
{
  return json::parse(read_file(out() / ".amgen" / "workflow" / "state.json"));
}

} // namespace amgen::test
