"""The jobs: each parses its message, runs its rule and returns the rule's outcome, against the fake business API.

The rules are :class:`RuleDouble` here (see ``tests/conftest.py``), so these tests hold whatever the rules decide; the
rules themselves are tested in ``tests/unit/rules``.
"""

import pytest

from src.application.jobs import (
    event_routes,
    handle_schedule_reminder,
    run_send_due_reminders,
    scheduled_jobs,
)
from src.core.config import SERVICE_NAME, Settings
from src.domain.errors import ApiUnavailableError, FatalError, InvalidMessageError
from src.domain.outcome import Facts, JobOutcome
from src.infrastructure.business_api import BusinessApi
from tests.fakes import (
    RULE_DOUBLE_URL,
    FakeBusinessApi,
    RuleDouble,
    sample_appointment_booked,
)


def test_facts_follow_links() -> None:
    facts = Facts()

    assert facts.linked_id("anything") is None
    outcome = JobOutcome("job")
    assert outcome.as_log()["job"] == "job"


def test_routes_and_schedules(api: BusinessApi) -> None:
    routes = event_routes(api)
    jobs = scheduled_jobs(api, Settings())

    assert {route.job for route in routes} | {job.name for job in jobs} == {
        "schedule_reminder",
        "send_due_reminders",
    }
    assert all(route.subscription.service_name == SERVICE_NAME for route in routes)
    assert all(job.every_seconds > 0 for job in jobs)


async def test_schedule_reminder_runs_its_rule_on_the_parsed_event(
    rule_doubles: dict[str, RuleDouble],
    fake_api: FakeBusinessApi,
    api: BusinessApi,
) -> None:
    event = sample_appointment_booked()

    outcome = await handle_schedule_reminder(api, event.model_dump_json().encode())

    assert outcome == JobOutcome("schedule_reminder")
    assert rule_doubles["schedule_reminder"].calls == [(event, api)]
    assert fake_api.paths() == [RULE_DOUBLE_URL]


async def test_schedule_reminder_rejects_an_invalid_message(
    rule_doubles: dict[str, RuleDouble],
    api: BusinessApi,
) -> None:
    with pytest.raises(InvalidMessageError, match="AppointmentBooked"):
        await handle_schedule_reminder(api, b'{"not": "an event"}')

    assert rule_doubles["schedule_reminder"].calls == []


async def test_schedule_reminder_api_down_is_recoverable(
    fake_api: FakeBusinessApi,
    api: BusinessApi,
) -> None:
    fake_api.fail_status = 503
    event = sample_appointment_booked()

    with pytest.raises(ApiUnavailableError):
        await handle_schedule_reminder(api, event.model_dump_json().encode())


async def test_schedule_reminder_rule_errors_reach_the_consumer(
    rule_doubles: dict[str, RuleDouble],
    api: BusinessApi,
) -> None:
    rule_doubles["schedule_reminder"].error = FatalError("The rule gave up.")
    event = sample_appointment_booked()

    with pytest.raises(FatalError, match="gave up"):
        await handle_schedule_reminder(api, event.model_dump_json().encode())


async def test_send_due_reminders_runs_its_rule(
    rule_doubles: dict[str, RuleDouble],
    fake_api: FakeBusinessApi,
    api: BusinessApi,
) -> None:
    outcome = await run_send_due_reminders(api)

    assert outcome == JobOutcome("send_due_reminders")
    assert rule_doubles["send_due_reminders"].calls == [(api,)]
    assert fake_api.paths() == [RULE_DOUBLE_URL]


async def test_send_due_reminders_rule_errors_reach_the_scheduler(
    fake_api: FakeBusinessApi,
    api: BusinessApi,
) -> None:
    fake_api.fail_status = 503

    with pytest.raises(ApiUnavailableError):
        await run_send_due_reminders(api)
