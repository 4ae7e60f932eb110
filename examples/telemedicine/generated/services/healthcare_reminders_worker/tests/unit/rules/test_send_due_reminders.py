"""The rule of the send_due_reminders job (``src/application/rules/send_due_reminders.py``), against the fake business API.

This file is yours, like the rule: amgen writes it once and never overwrites it. Change it with the rule. It tests the
default rule: it reads what the job declares it calls (following the ids it learns), reports what it found and
changes no data.
"""

from src.application.rules.send_due_reminders import (
    JOB_NAME,
    send_due_reminders,
)
from src.domain.errors import ApiUnavailableError
from src.domain.outcome import JobOutcome
from src.infrastructure.business_api import BusinessApi
from tests.fakes import (
    KEBAB_PLURAL,
    FakeBusinessApi,
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


async def test_send_due_reminders_reads_what_it_declares(
    fake_api: FakeBusinessApi,
    api: BusinessApi,
) -> None:
    outcome = await send_due_reminders(api)

    check_outcome(outcome, fake_api)
    assert outcome.counted["reminder"] == 3
    assert "reminder.update" in outcome.not_performed


async def test_send_due_reminders_api_down_is_recoverable(
    fake_api: FakeBusinessApi,
    api: BusinessApi,
) -> None:
    fake_api.fail_status = 503

    try:
        outcome = await send_due_reminders(api)
    except ApiUnavailableError:
        assert fake_api.requests
    else:
        assert not fake_api.requests
        assert outcome.fetched == []
