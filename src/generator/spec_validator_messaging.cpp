// Spec validation of `events`, worker `jobs` and bot `commands`: references, triggers, schedules, event cycles.
#include "generator/names.hpp"
#include "generator/reserved_words.hpp"
#include "generator/spec_keys.hpp"
#include "generator/spec_validator.hpp"

#include <algorithm>
#include <charconv>
#include <fmt/format.h>
#include <map>
#include <set>

namespace amgen::generator::detail {

/// Seconds in an `every:` duration such as "30s", "15m" or "2h"; 0 when it is malformed.
long schedule_seconds(const std::string& text)
{
  if (text.size() < 2) {
    return 0;
  }
  long amount = 0;
  const auto* end = text.data() + text.size() - 1;
  const auto result = std::from_chars(text.data(), end, amount);
  if (result.ec != std::errc{} || result.ptr != end || amount <= 0) {
    return 0;
  }
  switch (text.back()) {
  case 's': return amount;
  case 'm': return amount * 60;
  case 'h': return amount * 3600;
  default: return 0;
  }
}

namespace {

bool contains(const std::vector<std::string>& items, const std::string& word)
{
  return std::find(items.begin(), items.end(), word) != items.end();
}

/// The action that publishes an event declared with `on: <trigger>`.
std::string action_of_trigger(const std::string& trigger)
{
  return trigger == "created" ? "create" : trigger == "updated" ? "update" : trigger == "deleted" ? "delete" : "";
}

class MessagingValidator
{
public:
  MessagingValidator(const Spec& spec, Diagnostics& diagnostics)
    : m_spec(spec),
      m_diagnostics(diagnostics)
  {
    for (const auto& entity : spec.entities) {
      m_entity_names.push_back(entity.name.value);
    }
    for (const auto& event : spec.events) {
      m_event_names.push_back(event.name.value);
    }
    for (const auto& service : spec.services) {
      m_service_refs.push_back(service_short_name(service));
    }
  }

  void run()
  {
    const bool has_api = std::any_of(m_spec.services.begin(), m_spec.services.end(),
                                     [](const ServiceSpec& s) { return s.type.value == "api"; });
    for (const auto& event : m_spec.events) {
      validate_event(event, has_api);
    }
    for (const auto& service : m_spec.services) {
      if (!has_api && (service.type.value == "worker" || service.type.value == "bot")) {
        error(service.type.position,
              fmt::format("'{}' talks to the business API, but no service has type api", service_short_name(service)),
              "add {domain: <domain>, type: api} to 'services'");
      }
      validate_jobs(service);
      validate_commands(service);
    }
    validate_cycles();
  }

private:
  void error(Position position, std::string message, std::string hint = {})
  {
    m_diagnostics.error(m_spec.file, position, std::move(message), std::move(hint));
  }

  std::string suggest(const std::string& word, const std::vector<std::string>& candidates) const
  {
    const auto suggestion = closest_match(word, candidates);
    return suggestion.empty() ? std::string{} : fmt::format("did you mean '{}'?", suggestion);
  }

  const EntitySpec* find_entity(const std::string& name) const
  {
    const auto it = std::find_if(m_spec.entities.begin(), m_spec.entities.end(),
                                 [&](const EntitySpec& e) { return e.name.value == name; });
    return it == m_spec.entities.end() ? nullptr : &*it;
  }

  const EventSpec* find_event(const std::string& name) const
  {
    const auto it = std::find_if(m_spec.events.begin(), m_spec.events.end(),
                                 [&](const EventSpec& e) { return e.name.value == name; });
    return it == m_spec.events.end() ? nullptr : &*it;
  }

  const ServiceSpec* find_service(const std::string& reference) const
  {
    for (const auto& service : m_spec.services) {
      if (reference == service_short_name(service) || reference == service_name(m_spec, service)) {
        return &service;
      }
    }
    return nullptr;
  }

  /// Job and command names become Python module and function names (prefixed), never columns.
  void check_name(const LocatedString& name, std::string_view what)
  {
    if (!is_snake_case(name.value)) {
      error(name.position, fmt::format("{} '{}' must be snake_case", what, name.value),
            "use lowercase letters, digits and single underscores, starting with a letter");
    } else if (is_python_keyword(name.value)) {
      error(name.position, fmt::format("{} '{}' is a Python keyword", what, name.value));
    }
  }

  const EntitySpec* check_entity(const LocatedString& name, std::string_view what)
  {
    if (name.value.empty()) {
      return nullptr;
    }
    const auto* entity = find_entity(name.value);
    if (!entity) {
      error(name.position, fmt::format("{} names unknown entity '{}'", what, name.value),
            suggest(name.value, m_entity_names));
    }
    return entity;
  }

  void validate_event(const EventSpec& event, bool has_api)
  {
    const auto where = fmt::format("event '{}'", event.name.value);
    if (!is_pascal_case(event.name.value)) {
      error(event.name.position, fmt::format("event name '{}' must be PascalCase", event.name.value),
            "name what happened, e.g. 'AppointmentBooked'");
    }
    const auto* entity = check_entity(event.entity, where);
    if (!event.when) {
      error(event.name.position, fmt::format("event '{}' is never published", event.name.value),
            "add 'when: created', 'when: updated' or 'when: deleted': the business API publishes it after that write");
    } else if (!contains(spec_keys::k_event_triggers, event.when->value)) {
      error(event.when->position, fmt::format("unknown trigger '{}' for {}", event.when->value, where),
            fmt::format("triggers: {}", fmt::join(spec_keys::k_event_triggers, ", ")));
    } else if (!has_api) {
      error(event.when->position, fmt::format("{} is never published: no service has type api", where),
            "add {domain: <domain>, type: api}: the business API publishes events after its writes");
    }
    if (entity) {
      std::set<std::string> seen;
      for (const auto& field : event.fields) {
        const bool known = std::any_of(entity->fields.begin(), entity->fields.end(),
                                       [&](const FieldSpec& f) { return f.name.value == field.value; });
        if (!known) {
          std::vector<std::string> names;
          for (const auto& f : entity->fields) {
            names.push_back(f.name.value);
          }
          error(field.position, fmt::format("{} carries '{}', which is no field of '{}'", where, field.value,
                                            entity->name.value),
                suggest(field.value, names));
        } else if (!seen.insert(field.value).second) {
          error(field.position, fmt::format("{} lists the field '{}' twice", where, field.value));
        }
      }
    }
    if (event.priority && (event.priority->value < 0 || event.priority->value > 10)) {
      error(event.priority->position, fmt::format("priority {} is out of range", event.priority->value),
            "use 0 (lowest) to 10 (highest)");
    }
    if (event.consumers.empty()) {
      m_diagnostics.warning(m_spec.file, event.name.position,
                            fmt::format("{} has no consumers; it is published but nobody reads it", where),
                            "add 'consumers:' with a worker or bot service, e.g. [reminders_worker]");
    }
    std::set<std::string> seen;
    for (const auto& consumer : event.consumers) {
      validate_consumer(event, consumer, seen);
    }
  }

  void validate_consumer(const EventSpec& event, const LocatedString& consumer, std::set<std::string>& seen)
  {
    const auto* service = find_service(consumer.value);
    if (!service) {
      error(consumer.position, fmt::format("event '{}' names unknown consumer '{}'", event.name.value, consumer.value),
            suggest(consumer.value, m_service_refs));
      return;
    }
    if (!seen.insert(service_short_name(*service)).second) {
      error(consumer.position, fmt::format("consumer '{}' is listed twice", consumer.value));
    }
    const auto& type = service->type.value;
    if (type != "worker" && type != "bot") {
      error(consumer.position,
            fmt::format("consumer '{}' is a service of type {}; only workers and bots consume events", consumer.value,
                        type),
            "add a worker service with a job on this event");
      return;
    }
    const bool has_job = std::any_of(service->jobs.begin(), service->jobs.end(), [&](const JobSpec& job) {
      return job.event && job.event->value == event.name.value;
    });
    if (type == "worker" && !has_job) {
      error(consumer.position,
            fmt::format("worker '{}' consumes '{}' but none of its jobs runs on it", consumer.value,
                        event.name.value),
            fmt::format("add a job with 'event: {}' to the worker", event.name.value));
    }
  }

  void validate_jobs(const ServiceSpec& service)
  {
    const auto short_name = service_short_name(service);
    if (service.has_jobs && service.type.value != "worker") {
      error(service.jobs_position, fmt::format("'jobs' belong to worker services; '{}' is of type {}", short_name,
                                               service.type.value));
      return;
    }
    if (service.type.value == "worker" && service.jobs.empty()) {
      error(service.has_jobs ? service.jobs_position : service.position,
            fmt::format("worker '{}' has no jobs", short_name),
            "add 'jobs:', e.g. {remind: {event: AppointmentBooked}} or {sweep: {every: 15m}}");
    }
    std::map<std::string, const JobSpec*> job_per_event; // one queue per worker and event: one job on it
    for (const auto& job : service.jobs) {
      check_name(job.name, "job");
      if (job.event) {
        const auto [it, inserted] = job_per_event.emplace(job.event->value, &job);
        if (!inserted) {
          error(job.event->position,
                fmt::format("worker '{}' already runs job '{}' on '{}' (line {})", short_name, it->second->name.value,
                            job.event->value, it->second->name.position.line),
                "one job per event and worker: do both steps in one job, or consume the event in another worker");
        }
      }
      if (job.event && job.every) {
        error(job.every->position, fmt::format("job '{}' has both 'event' and 'every'", job.name.value),
              "a job runs on an event or on a schedule; split it in two jobs");
      } else if (!job.event && !job.every) {
        error(job.name.position, fmt::format("job '{}' has no trigger", job.name.value),
              "add 'event: <EventName>' or 'every: 15m'");
      }
      if (job.event) {
        const auto* event = find_event(job.event->value);
        if (!event) {
          error(job.event->position, fmt::format("job '{}' runs on unknown event '{}'", job.name.value,
                                                 job.event->value),
                suggest(job.event->value, m_event_names));
        } else if (std::none_of(event->consumers.begin(), event->consumers.end(), [&](const LocatedString& c) {
                     return find_service(c.value) == &service;
                   })) {
          error(job.event->position,
                fmt::format("job '{}' runs on '{}', but that event does not list '{}' in its consumers",
                            job.name.value, job.event->value, short_name),
                fmt::format("add {} to the consumers of {}", short_name, job.event->value));
        }
      }
      if (job.every && schedule_seconds(job.every->value) == 0) {
        error(job.every->position, fmt::format("schedule '{}' is not a duration", job.every->value),
              "write a positive number followed by s, m or h, e.g. 30s, 15m, 2h");
      }
      for (const auto& call : job.calls) {
        validate_call(job, call);
      }
    }
  }

  void validate_call(const JobSpec& job, const LocatedString& call)
  {
    const auto dot = call.value.find('.');
    if (dot == std::string::npos) {
      error(call.position, fmt::format("call '{}' of job '{}' must be 'Entity.action'", call.value, job.name.value),
            fmt::format("e.g. Appointment.get; actions: {}", fmt::join(spec_keys::k_call_actions, ", ")));
      return;
    }
    check_entity({call.value.substr(0, dot), call.position}, fmt::format("job '{}'", job.name.value));
    const auto action = call.value.substr(dot + 1);
    if (!contains(spec_keys::k_call_actions, action)) {
      error(call.position, fmt::format("unknown action '{}' in call '{}'", action, call.value),
            fmt::format("actions: {}", fmt::join(spec_keys::k_call_actions, ", ")));
    }
  }

  void validate_commands(const ServiceSpec& service)
  {
    if (service.has_commands && service.type.value != "bot") {
      error(service.commands_position, fmt::format("'commands' belong to bot services; '{}' is of type {}",
                                                   service_short_name(service), service.type.value));
      return;
    }
    for (const auto& command : service.commands) {
      check_name(command.name, "command");
      if (command.name.value == "start" || command.name.value == "help" || command.name.value == "cancel") {
        error(command.name.position, fmt::format("command '/{}' is built in", command.name.value),
              "every bot has /start, /help and /cancel; choose another name");
      }
      check_entity(command.entity, fmt::format("command '{}'", command.name.value));
      if (!command.action.value.empty() && !contains(spec_keys::k_command_actions, command.action.value)) {
        error(command.action.position, fmt::format("unknown action '{}' for command '{}'", command.action.value,
                                                   command.name.value),
              fmt::format("actions: {}", fmt::join(spec_keys::k_command_actions, ", ")));
      }
    }
  }

  /// An event triggers jobs; a job's write calls publish more events. A loop would never end.
  void validate_cycles()
  {
    std::map<std::string, std::vector<std::pair<std::string, Position>>> next; // event → (event, call position)
    for (const auto& service : m_spec.services) {
      for (const auto& job : service.jobs) {
        if (!job.event) {
          continue;
        }
        for (const auto& call : job.calls) {
          const auto dot = call.value.find('.');
          if (dot == std::string::npos) {
            continue;
          }
          const auto entity = call.value.substr(0, dot);
          const auto action = call.value.substr(dot + 1);
          for (const auto& event : m_spec.events) {
            if (event.when && event.entity.value == entity && action_of_trigger(event.when->value) == action) {
              next[job.event->value].emplace_back(event.name.value, call.position);
            }
          }
        }
      }
    }
    std::set<std::string> reported;
    for (const auto& event : m_spec.events) {
      std::vector<std::string> path{event.name.value};
      find_cycle(next, path, reported);
    }
  }

  void find_cycle(const std::map<std::string, std::vector<std::pair<std::string, Position>>>& next,
                  std::vector<std::string>& path, std::set<std::string>& reported)
  {
    const auto it = next.find(path.back());
    if (it == next.end()) {
      return;
    }
    for (const auto& [target, position] : it->second) {
      if (target == path.front()) {
        if (reported.insert(*std::min_element(path.begin(), path.end())).second) {
          error(position, fmt::format("events trigger each other in a loop: {} -> {}", fmt::join(path, " -> "),
                                      target),
                "a job must not write an entity whose event leads back to the job");
        }
        continue;
      }
      if (std::find(path.begin(), path.end(), target) != path.end()) {
        continue;
      }
      path.push_back(target);
      find_cycle(next, path, reported);
      path.pop_back();
    }
  }

  const Spec& m_spec;
  Diagnostics& m_diagnostics;
  std::vector<std::string> m_entity_names;
  std::vector<std::string> m_event_names;
  std::vector<std::string> m_service_refs;
};

} // namespace

void validate_messaging(const Spec& spec, Diagnostics& diagnostics)
{
  MessagingValidator(spec, diagnostics).run();
}

} // namespace amgen::generator::detail
