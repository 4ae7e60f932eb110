"""The rule of the score_application job (``src/application/rules/score_application.py``), against the fake business API.

This file is yours, like the rule: amgen writes it once and never overwrites it. Change it with the rule. It tests the
default rule: it reads what the job declares it calls (following the ids it learns), reports what it found and
changes no data.
"""

from src.application.rules.score_application import (
    JOB_NAME,
    score_application,
)
from src.domain.errors import ApiUnavailableError
from src.domain.outcome import JobOutcome
from src.infrastructure.business_api import BusinessApi
from tests.fakes import (
    KEBAB_PLURAL,
    FakeBusinessApi,
    sample_loan_application_submitted,
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


async def test_score_application_reads_what_it_declares(
    fake_api: FakeBusinessApi,
    api: BusinessApi,
) -> None:
    event = sample_loan_application_submitted()

    outcome = await score_application(event, api)

    check_outcome(outcome, fake_api)
    assert "loan_application" in outcome.fetched + outcome.missing
    assert "borrower" in outcome.fetched + outcome.missing
    assert "credit_score_record.create" in outcome.not_performed
    if "loan_application" in outcome.fetched:
        path = f"/api/v1/{KEBAB_PLURAL['loan_application']}/{event.payload.id}"
        assert path in fake_api.paths()


async def test_score_application_api_down_is_recoverable(
    fake_api: FakeBusinessApi,
    api: BusinessApi,
) -> None:
    fake_api.fail_status = 503
    event = sample_loan_application_submitted()

    try:
        outcome = await score_application(event, api)
    except ApiUnavailableError:
        assert fake_api.requests
    else:
        assert not fake_api.requests
        assert outcome.fetched == []
