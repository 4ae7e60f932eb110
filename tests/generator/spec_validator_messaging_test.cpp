// Tests of generator/spec_validator_messaging: events, worker jobs, bot commands, stores and event loops.
#include "support/spec_fixtures.hpp"

#include "generator/spec_validator.hpp"

#include <doctest/doctest.h>

using amgen::test::check_spec;
using Lines = std::vector<std::string>;

namespace {

/// A valid spec with every kind; `services_extra`, `entities_extra` and `events` are spliced in.
std::string messaging_spec(const std::string& worker_jobs, const std::string& bot_commands, const std::string& events,
                           const std::string& entities_extra = {})
{
  return "amgen: 1\n"
         "project: {name: clinic, context: healthcare}\n"
         "services:\n"
         "  - {domain: clinic, type: api}\n"
         "  - {domain: clinic, type: data_postgres}\n"
         "  - {domain: records, type: data_mongo}\n"
         "  - domain: reminders\n"
         "    type: worker\n"
         "    jobs:\n"
         + worker_jobs
         + "  - domain: notifications\n"
           "    type: bot\n"
           "    commands:\n"
         + bot_commands
         + "entities:\n"
           "  Patient:\n"
           "    fields:\n"
           "      full_name: {type: string}\n"
           "  Appointment:\n"
           "    fields:\n"
           "      starts_at: {type: datetime}\n"
           "    relations:\n"
           "      patient: {to: Patient, kind: many_to_one}\n"
         + entities_extra + "events:\n" + events;
}

const std::string k_jobs = "      remind: {event: AppointmentBooked, calls: [Appointment.get]}\n";
const std::string k_commands = "      patients: {entity: Patient, action: list}\n";
const std::string k_events = "  AppointmentBooked:\n"
                             "    entity: Appointment\n"
                             "    when: created\n"
                             "    consumers: [reminders_worker, notifications_bot]\n";

Lines errors_only(const Lines& lines)
{
  Lines out;
  for (const auto& line : lines) {
    if (line.find(": note: ") == std::string::npos) {
      out.push_back(line);
    }
  }
  return out;
}

} // namespace

TEST_SUITE("generator::spec_validator_messaging")
{
  TEST_CASE("a spec with events, jobs, commands and a mongo entity is valid and says which modules it added")
  {
    const auto text = messaging_spec(k_jobs, k_commands, k_events, "  Note:\n    store: mongo\n    fields:\n"
                                                                    "      body: {type: text}\n");
    CHECK(check_spec(text) == Lines{"spec.yaml:0:0: note: module 'rabbitmq' added: the spec defines events",
                                    "spec.yaml:0:0: note: module 'redis' added: required by bot",
                                    "spec.yaml:0:0: note: module 'mongo' added: a service has type data_mongo",
                                    "spec.yaml:0:0: note: module 'worker' added: a service has type worker",
                                    "spec.yaml:0:0: note: module 'bot' added: a service has type bot"});
  }

  TEST_CASE("an event nobody publishes, an unknown entity and an unknown consumer are reported at their positions")
  {
    const auto events = std::string("  AppointmentBooked:\n"
                                    "    entity: Appointment\n"
                                    "    when: created\n"
                                    "    consumers: [reminders_worker]\n"
                                    "  NoteWritten:\n"
                                    "    entity: Nte\n"
                                    "    consumers: [notification_bot]\n");
    CHECK(errors_only(check_spec(messaging_spec(k_jobs, k_commands, events))) ==
          Lines{"spec.yaml:29:3: error: event 'NoteWritten' is never published",
                "spec.yaml:30:13: error: event 'NoteWritten' names unknown entity 'Nte'",
                "spec.yaml:31:17: error: event 'NoteWritten' names unknown consumer 'notification_bot'"});
  }

  TEST_CASE("a bot command on an unknown entity or with an unknown action fails with its position")
  {
    const auto commands = std::string("      book: {entity: Apointment, action: create}\n"
                                      "      help: {entity: Patient, action: delete}\n");
    CHECK(errors_only(check_spec(messaging_spec(k_jobs, commands, k_events))) ==
          Lines{"spec.yaml:14:22: error: command 'book' names unknown entity 'Apointment'",
                "spec.yaml:15:7: error: command '/help' is built in",
                "spec.yaml:15:39: error: unknown action 'delete' for command 'help'"});
  }

  TEST_CASE("jobs need exactly one trigger, a valid schedule and known calls; consumers need a job")
  {
    const auto jobs = std::string("      remind: {calls: [Appointment.fetch, Visit.get]}\n"
                                  "      sweep: {every: 15 minutes}\n"
                                  "      both: {event: AppointmentBooked, every: 5m}\n");
    CHECK(errors_only(check_spec(messaging_spec(jobs, k_commands, k_events))) ==
          Lines{"spec.yaml:10:7: error: job 'remind' has no trigger",
                "spec.yaml:10:24: error: unknown action 'fetch' in call 'Appointment.fetch'",
                "spec.yaml:10:43: error: job 'remind' names unknown entity 'Visit'",
                "spec.yaml:11:22: error: schedule '15 minutes' is not a duration",
                "spec.yaml:12:47: error: job 'both' has both 'event' and 'every'"});
    CHECK(amgen::generator::detail::schedule_seconds("15m") == 900);
    CHECK(amgen::generator::detail::schedule_seconds("2h") == 7200);
    CHECK(amgen::generator::detail::schedule_seconds("0s") == 0);
  }

  TEST_CASE("a worker consumer without a job on the event, and a job on an event it does not consume")
  {
    const auto jobs = std::string("      remind: {event: PatientJoined}\n");
    const auto events = k_events + "  PatientJoined:\n    entity: Patient\n    when: created\n    consumers: [clinic_api]\n";
    CHECK(errors_only(check_spec(messaging_spec(jobs, k_commands, events))) ==
          Lines{"spec.yaml:10:23: error: job 'remind' runs on 'PatientJoined', but that event does not list "
                "'reminders_worker' in its consumers",
                "spec.yaml:28:17: error: worker 'reminders_worker' consumes 'AppointmentBooked' but none of its jobs "
                "runs on it",
                "spec.yaml:32:17: error: consumer 'clinic_api' is a service of type api; only workers and bots "
                "consume events"});
  }

  TEST_CASE("a worker runs at most one job per event (they would share its queue)")
  {
    const auto jobs = k_jobs + "      remind_again: {event: AppointmentBooked}\n";
    CHECK(errors_only(check_spec(messaging_spec(jobs, k_commands, k_events))) ==
          Lines{"spec.yaml:11:29: error: worker 'reminders_worker' already runs job 'remind' on 'AppointmentBooked' "
                "(line 10)"});
  }

  TEST_CASE("jobs whose writes publish the events that trigger them form a loop")
  {
    const auto jobs = std::string("      remind: {event: AppointmentBooked, calls: [Patient.update]}\n"
                                  "      touch: {event: PatientUpdated, calls: [Appointment.create]}\n");
    const auto events = k_events + "  PatientUpdated:\n    entity: Patient\n    when: updated\n"
                                   "    consumers: [reminders_worker]\n";
    CHECK(errors_only(check_spec(messaging_spec(jobs, k_commands, events))) ==
          Lines{"spec.yaml:11:46: error: events trigger each other in a loop: AppointmentBooked -> PatientUpdated "
                "-> AppointmentBooked"});
  }

  TEST_CASE("mongo entities need a data_mongo service and take no relations")
  {
    const auto text = amgen::test::minimal_spec("  Note:\n"
                                                "    store: mongo\n"
                                                "    fields:\n"
                                                "      body: {type: text}\n"
                                                "    relations:\n"
                                                "      patient: {to: Patient, kind: many_to_one}\n"
                                                "  Draft:\n"
                                                "    store: mango\n"
                                                "    fields:\n"
                                                "      body: {type: text}\n");
    CHECK(check_spec(text) ==
          Lines{"spec.yaml:11:12: error: entity 'Note' is stored in MongoDB, but no service has type data_mongo",
                "spec.yaml:15:7: error: relation 'patient' involves a MongoDB entity; relations are for PostgreSQL "
                "entities",
                "spec.yaml:17:12: error: unknown store 'mango' for entity 'Draft'"});
  }

  TEST_CASE("an explicit module needs its service; jobs and commands belong to their kinds")
  {
    auto text = amgen::test::minimal_spec() + "modules: [bot]\n";
    text.insert(text.find("entities:"), "  - {domain: clinic, type: data_mongo, jobs: {x: {every: 1m}}}\n");
    CHECK(errors_only(check_spec(text)) ==
          Lines{"spec.yaml:6:46: error: 'jobs' belong to worker services; 'clinic_data_mongo' is of type data_mongo",
                "spec.yaml:11:11: error: module 'bot' needs a service of type bot"});
  }
}
