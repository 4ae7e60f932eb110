"""Test doubles of the business API: an in-memory fake answering like the real one, and sample events.

The fake knows every entity it is asked for (a GET of an unknown id returns a valid sample with that id) unless
the id is listed in ``missing``; ``fail_status`` makes every call answer that status.
"""

import asyncio
from collections.abc import Callable
from typing import Any
from uuid import UUID, uuid4

import httpx

from shared.events.loan_application_submitted import (
    LoanApplicationSubmittedEvent,
    LoanApplicationSubmittedPayload,
)
from shared.events.repayment_received import (
    RepaymentReceivedEvent,
    RepaymentReceivedPayload,
)
from src.domain.outcome import JobOutcome
from src.infrastructure.business_api import API_PREFIX, BusinessApi
from src.infrastructure.http_server import HttpReply, json_reply, problem_reply

CREATED_AT = "2030-01-01T00:00:00+00:00"


def loan_application_json(entity_id: UUID, n: int = 1) -> dict[str, Any]:
    """A valid loan application as the business API returns it."""
    values: dict[str, Any] = {
        "amount": "100.00",
        "term_months": 10,
        "interest_rate": "12.50",
        "purpose": "purpose",
        "status": "pending",
    }
    values["borrower_id"] = str(uuid4())
    values.update(id=str(entity_id), created_at=CREATED_AT, updated_at=CREATED_AT)
    return values


def borrower_json(entity_id: UUID, n: int = 1) -> dict[str, Any]:
    """A valid borrower as the business API returns it."""
    values: dict[str, Any] = {
        "full_name": "full name",
        "email": f"user{n}@example.com",
        "kyc_status": "pending",
        "annual_income": "12.50",
        "credit_score": 300,
    }
    values.update(id=str(entity_id), created_at=CREATED_AT, updated_at=CREATED_AT)
    return values


def credit_score_record_json(entity_id: UUID, n: int = 1) -> dict[str, Any]:
    """A valid credit score record as the business API returns it."""
    values: dict[str, Any] = {
        "borrower_ref": f"00000000-0000-4000-8000-{n:012d}",
        "score": 300,
        "factors": {"key": f"value-{n}"},
    }
    values.update(id=str(entity_id), created_at=CREATED_AT, updated_at=CREATED_AT)
    return values


def repayment_json(entity_id: UUID, n: int = 1) -> dict[str, Any]:
    """A valid repayment as the business API returns it."""
    values: dict[str, Any] = {
        "amount": "12.50",
        "due_date": "2030-01-02",
        "paid_at": "2030-01-02T10:00:00+00:00",
        "status": "scheduled",
    }
    values["loan_application_id"] = str(uuid4())
    values.update(id=str(entity_id), created_at=CREATED_AT, updated_at=CREATED_AT)
    return values


SAMPLES: dict[str, Callable[[UUID, int], dict[str, Any]]] = {
    "loan-applications": loan_application_json,
    "borrowers": borrower_json,
    "credit-score-records": credit_score_record_json,
    "repayments": repayment_json,
}
"""Sample builders by URL segment."""

KEBAB_PLURAL: dict[str, str] = {
    "loan_application": "loan-applications",
    "borrower": "borrowers",
    "credit_score_record": "credit-score-records",
    "repayment": "repayments",
}


def sample_loan_application_submitted(
    n: int = 1,
    entity_id: UUID | None = None,
) -> LoanApplicationSubmittedEvent:
    """A valid LoanApplicationSubmitted event."""
    payload: dict[str, Any] = {
        "amount": "100.00",
        "term_months": 10,
        "status": "pending",
    }
    payload["id"] = str(entity_id or uuid4())
    return LoanApplicationSubmittedEvent(
        payload=LoanApplicationSubmittedPayload.model_validate(payload),
        request_id=f"req_sample_{n}",
    )


def sample_repayment_received(
    n: int = 1,
    entity_id: UUID | None = None,
) -> RepaymentReceivedEvent:
    """A valid RepaymentReceived event."""
    payload: dict[str, Any] = {
        "amount": "12.50",
        "paid_at": "2030-01-02T10:00:00+00:00",
        "status": "scheduled",
    }
    payload["id"] = str(entity_id or uuid4())
    return RepaymentReceivedEvent(
        payload=RepaymentReceivedPayload.model_validate(payload),
        request_id=f"req_sample_{n}",
    )


JOB_RULES: list[str] = [
    "score_application",
    "rescore_after_repayment",
    "flag_late_repayments",
]
"""The jobs, each running the rule of ``src/application/rules/<job>.py`` (``src.application.jobs.<job>``)."""

RULE_DOUBLE_URL = f"{API_PREFIX}/rule-double"
"""The one URL a :class:`RuleDouble` calls; the fake answers it with an empty object."""


class RuleDouble:
    """Stands in for the rule of a job in amgen's tests, which check the plumbing, never what a rule decides.

    Records the arguments of every call, makes one call to the business API (``GET RULE_DOUBLE_URL``, so that tests
    see the request id travel and can hold a handler on a slow answer), then raises ``error`` or returns an empty
    outcome of its job.
    """

    def __init__(self, job: str, error: Exception | None = None) -> None:
        self.job = job
        self.error = error
        self.calls: list[tuple[Any, ...]] = []

    async def __call__(self, *args: Any) -> JobOutcome:
        self.calls.append(args)
        api: BusinessApi = args[-1]
        await api.client.request("GET", RULE_DOUBLE_URL)
        if self.error is not None:
            raise self.error
        return JobOutcome(self.job)


class FakeBusinessApi:
    """The business API in memory; records every request."""

    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []
        self.missing: set[str] = set()
        self.fail_status: int | None = None

    def answer(self, method: str, path: str, body: bytes = b"") -> tuple[int, Any]:
        """Status and JSON body for a request."""
        if self.fail_status is not None:
            return self.fail_status, {"status": self.fail_status, "title": "Failure"}
        if path == RULE_DOUBLE_URL:
            return 200, {}
        parts = path.removeprefix(API_PREFIX).strip("/").split("/")
        sample = SAMPLES.get(parts[0])
        if sample is None:
            return 404, {"status": 404, "title": "Not Found"}
        if len(parts) == 1 and method == "GET":
            items = [sample(uuid4(), n) for n in range(1, 4)]
            return 200, {"items": items, "total": len(items), "limit": 20, "offset": 0}
        if len(parts) == 1 and method == "POST":
            return 201, sample(uuid4(), 1)
        if parts[1] in self.missing:
            return 404, {"status": 404, "title": "Not Found"}
        if method == "DELETE":
            return 204, None
        return 200, sample(UUID(parts[1]), 1)

    def handle(self, request: httpx.Request) -> httpx.Response:
        """The ``httpx.MockTransport`` handler."""
        self.requests.append(request)
        status, body = self.answer(request.method, request.url.path, request.content)
        return httpx.Response(status, json=body) if body is not None else httpx.Response(status)

    def client(self) -> httpx.AsyncClient:
        """An HTTP client whose requests this fake answers."""
        return httpx.AsyncClient(transport=httpx.MockTransport(self.handle), base_url="http://business-api")

    def paths(self, method: str = "GET") -> list[str]:
        """Paths requested with ``method``, in order."""
        return [request.url.path for request in self.requests if request.method == method]


class SlowHttpBusinessApi:
    """The fake served over real HTTP, its first answer delayed: to stop a worker while it handles a message."""

    def __init__(self, delay_seconds: float) -> None:
        self.fake = FakeBusinessApi()
        self.delay_seconds = delay_seconds
        self.first_request = asyncio.Event()
        self.first_answered = asyncio.Event()
        self.paths: list[str] = []

    async def handle(self, method: str, path: str) -> HttpReply:
        """``RequestHandler`` of :class:`HttpServer`."""
        self.paths.append(path)
        if not self.first_request.is_set():
            self.first_request.set()
            await asyncio.sleep(self.delay_seconds)
            self.first_answered.set()
        status, body = self.fake.answer(method, path)
        return json_reply(status, body) if status < 400 else problem_reply(status, "Failure", path)
