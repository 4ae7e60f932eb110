"""The jobs: each parses its message, runs its rule and returns the rule's outcome, against the fake business API.

The rules are :class:`RuleDouble` here (see ``tests/conftest.py``), so these tests hold whatever the rules decide; the
rules themselves are tested in ``tests/unit/rules``.
"""

import pytest

from src.application.jobs import (
    event_routes,
    handle_score_application,
    handle_rescore_after_repayment,
    run_flag_late_repayments,
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
    sample_loan_application_submitted,
    sample_repayment_received,
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
        "score_application",
        "rescore_after_repayment",
        "flag_late_repayments",
    }
    assert all(route.subscription.service_name == SERVICE_NAME for route in routes)
    assert all(job.every_seconds > 0 for job in jobs)


async def test_score_application_runs_its_rule_on_the_parsed_event(
    rule_doubles: dict[str, RuleDouble],
    fake_api: FakeBusinessApi,
    api: BusinessApi,
) -> None:
    event = sample_loan_application_submitted()

    outcome = await handle_score_application(api, event.model_dump_json().encode())

    assert outcome == JobOutcome("score_application")
    assert rule_doubles["score_application"].calls == [(event, api)]
    assert fake_api.paths() == [RULE_DOUBLE_URL]


async def test_score_application_rejects_an_invalid_message(
    rule_doubles: dict[str, RuleDouble],
    api: BusinessApi,
) -> None:
    with pytest.raises(InvalidMessageError, match="LoanApplicationSubmitted"):
        await handle_score_application(api, b'{"not": "an event"}')

    assert rule_doubles["score_application"].calls == []


async def test_score_application_api_down_is_recoverable(
    fake_api: FakeBusinessApi,
    api: BusinessApi,
) -> None:
    fake_api.fail_status = 503
    event = sample_loan_application_submitted()

    with pytest.raises(ApiUnavailableError):
        await handle_score_application(api, event.model_dump_json().encode())


async def test_score_application_rule_errors_reach_the_consumer(
    rule_doubles: dict[str, RuleDouble],
    api: BusinessApi,
) -> None:
    rule_doubles["score_application"].error = FatalError("The rule gave up.")
    event = sample_loan_application_submitted()

    with pytest.raises(FatalError, match="gave up"):
        await handle_score_application(api, event.model_dump_json().encode())


async def test_rescore_after_repayment_runs_its_rule_on_the_parsed_event(
    rule_doubles: dict[str, RuleDouble],
    fake_api: FakeBusinessApi,
    api: BusinessApi,
) -> None:
    event = sample_repayment_received()

    outcome = await handle_rescore_after_repayment(api, event.model_dump_json().encode())

    assert outcome == JobOutcome("rescore_after_repayment")
    assert rule_doubles["rescore_after_repayment"].calls == [(event, api)]
    assert fake_api.paths() == [RULE_DOUBLE_URL]


async def test_rescore_after_repayment_rejects_an_invalid_message(
    rule_doubles: dict[str, RuleDouble],
    api: BusinessApi,
) -> None:
    with pytest.raises(InvalidMessageError, match="RepaymentReceived"):
        await handle_rescore_after_repayment(api, b'{"not": "an event"}')

    assert rule_doubles["rescore_after_repayment"].calls == []


async def test_rescore_after_repayment_api_down_is_recoverable(
    fake_api: FakeBusinessApi,
    api: BusinessApi,
) -> None:
    fake_api.fail_status = 503
    event = sample_repayment_received()

    with pytest.raises(ApiUnavailableError):
        await handle_rescore_after_repayment(api, event.model_dump_json().encode())


async def test_rescore_after_repayment_rule_errors_reach_the_consumer(
    rule_doubles: dict[str, RuleDouble],
    api: BusinessApi,
) -> None:
    rule_doubles["rescore_after_repayment"].error = FatalError("The rule gave up.")
    event = sample_repayment_received()

    with pytest.raises(FatalError, match="gave up"):
        await handle_rescore_after_repayment(api, event.model_dump_json().encode())


async def test_flag_late_repayments_runs_its_rule(
    rule_doubles: dict[str, RuleDouble],
    fake_api: FakeBusinessApi,
    api: BusinessApi,
) -> None:
    outcome = await run_flag_late_repayments(api)

    assert outcome == JobOutcome("flag_late_repayments")
    assert rule_doubles["flag_late_repayments"].calls == [(api,)]
    assert fake_api.paths() == [RULE_DOUBLE_URL]


async def test_flag_late_repayments_rule_errors_reach_the_scheduler(
    fake_api: FakeBusinessApi,
    api: BusinessApi,
) -> None:
    fake_api.fail_status = 503

    with pytest.raises(ApiUnavailableError):
        await run_flag_late_repayments(api)
