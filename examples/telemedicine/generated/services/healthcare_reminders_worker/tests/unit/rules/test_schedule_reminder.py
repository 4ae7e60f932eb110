"""The rule of the schedule_reminder job (``src/application/rules/schedule_reminder.py``), against the fake business API.

This file is yours, like the rule: amgen writes it once and never overwrites it. Change it with the rule. It tests the
default rule: it reads what the job declares it calls (following the ids it learns), reports what it found and
changes no data.
"""

from src.application.rules.schedule_reminder import (
    JOB_NAME,
    schedule_reminder,
)
from src.domain.errors import ApiUnavailableError
from src.domain.outcome import JobOutcome
from src.infrastructure.business_api import BusinessApi
from tests.fakes import (
    KEBAB_PLURAL,
    FakeBusinessApi,
    sample_appointment_booked,
)


def check_outcome(outcome: JobOutcome, fake_api: FakeBusinessApi) -> None:
    """Every declared read was made once and reported; nothing was written."""
    assert outcome.job == JOB_NAME
    assert len(fake_api.requests) == len(outcome.fetched) + len(outcome.counted)
    assert fake_api.paths("GET") == [request.url.path for request in fake_api.requests]
    for name in outcome.fetched:
        assert any(path.startswith(f"/api/v1/{KEBAB_PLURAL[name]}/") for path in fake_api.paths())
    for name, count in outcome.counted.items():
        assert f"/api/v1/{KEBAB_PLURAL[name]}" in fake_api.paths()
        assert count == 3


async def test_schedule_reminder_reads_what_it_declares(
    fake_api: FakeBusinessApi,
    api: BusinessApi,
) -> None:
    event = sample_appointment_booked()

    outcome = await schedule_reminder(event, api)

    check_outcome(outcome, fake_api)
    assert "appointment" in outcome.fetched + outcome.missing
    assert "reminder.create" in outcome.not_performed
    if "appointment" in outcome.fetched:
        path = f"/api/v1/{KEBAB_PLURAL['appointment']}/{event.payload.id}"
        assert path in fake_api.paths()


async def test_schedule_reminder_api_down_is_recoverable(
    fake_api: FakeBusinessApi,
    api: BusinessApi,
) -> None:
    fake_api.fail_status = 503
    event = sample_appointment_booked()

    try:
        outcome = await schedule_reminder(event, api)
    except ApiUnavailableError:
        assert fake_api.requests
    else:
        assert not fake_api.requests
        assert outcome.fetched == []
