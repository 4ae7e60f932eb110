"""Load test of the P2p Lending business API (finance_lending_api).

``make loadtest`` runs it headless against ``LOCUST_HOST`` (default http://localhost:8000); ``make
loadtest LOCUST_USERS=50 LOCUST_SPAWN_RATE=10 LOCUST_RUN_TIME=2m`` sizes it, and ``locust -f loadtest/locustfile.py``
opens Locust's web UI instead. Each simulated user works on one entity: it creates entities with valid payloads (their
parents first), lists them and reads them back. Every request carries a fresh ``X-Request-ID``, so a slow request
can be found in the services' logs, and ``X-API-Key`` when ``LOCUST_API_KEY`` is set.
"""

import os
import random
import uuid
from typing import Any

from locust import HttpUser, between, task

API_KEY_ENV = "LOCUST_API_KEY"
PAGE_LIMIT = 20
KNOWN_IDS_KEPT = 100


def unique_number() -> int:
    """A number no other user or earlier run picks (in practice), to make unique field values."""
    return uuid.uuid4().int % 10**12


class ApiUser(HttpUser):
    """What every user of the business API shares: the headers and a checked create."""

    abstract = True
    wait_time = between(0.1, 0.5)

    def request_headers(self) -> dict[str, str]:
        """A new request id for every request, and the API key when ``LOCUST_API_KEY`` is set."""
        headers = {"X-Request-ID": f"req_load_{uuid.uuid4().hex}"}
        api_key = os.environ.get(API_KEY_ENV)
        if api_key:
            headers["X-API-Key"] = api_key
        return headers

    def create(self, path: str, payload: dict[str, Any]) -> dict[str, Any] | None:
        """POST ``payload`` to ``path``; anything but 201 with an ``id`` counts as a failure."""
        with self.client.post(path, json=payload, headers=self.request_headers(), catch_response=True) as response:
            if response.status_code != 201:
                response.failure(f"{response.status_code} {response.text[:200]}")
                return None
            created: dict[str, Any] = response.json()
            if "id" not in created:
                response.failure(f"no id in {created}")
                return None
            return created

    def list_page(self, path: str) -> None:
        """GET the first page of ``path``; a body without ``items`` counts as a failure."""
        with self.client.get(
            path, params={"limit": PAGE_LIMIT}, headers=self.request_headers(), name=path, catch_response=True
        ) as response:
            if response.status_code != 200 or "items" not in response.json():
                response.failure(f"{response.status_code} {response.text[:200]}")

    def read(self, path: str, entity_id: str) -> None:
        """GET one entity; grouped in the statistics under ``path/{id}``."""
        with self.client.get(
            f"{path}/{entity_id}", headers=self.request_headers(), name=path + "/{id}", catch_response=True
        ) as response:
            if response.status_code != 200 or response.json().get("id") != entity_id:
                response.failure(f"{response.status_code} {response.text[:200]}")


def borrower_payload(n: int) -> dict[str, Any]:
    """Field values of a valid borrower, made unique by ``n`` where the schema requires it."""
    return {
        "full_name": "full name",
        "email": f"user{n}@example.com",
        "kyc_status": "pending",
        "annual_income": "12.50",
        "credit_score": 300,
    }


def create_borrower(user: ApiUser) -> dict[str, Any] | None:
    """Create one borrower; ``None`` when a request failed."""
    payload = borrower_payload(unique_number())
    return user.create("/api/v1/borrowers", payload)


class BorrowerUser(ApiUser):
    """Creates, lists and reads borrowers."""

    path = "/api/v1/borrowers"

    def on_start(self) -> None:
        self.known_ids: list[str] = []

    @task(1)
    def create_one(self) -> None:
        created = create_borrower(self)
        if created is not None:
            self.known_ids = [*self.known_ids[-(KNOWN_IDS_KEPT - 1) :], str(created["id"])]

    @task(3)
    def list_first_page(self) -> None:
        self.list_page(self.path)

    @task(3)
    def read_one(self) -> None:
        if self.known_ids:
            self.read(self.path, random.choice(self.known_ids))
        else:
            self.create_one()


def lender_payload(n: int) -> dict[str, Any]:
    """Field values of a valid lender, made unique by ``n`` where the schema requires it."""
    return {
        "full_name": "full name",
        "email": f"user{n}@example.com",
        "kyc_status": "pending",
        "available_balance": "12.50",
    }


def create_lender(user: ApiUser) -> dict[str, Any] | None:
    """Create one lender; ``None`` when a request failed."""
    payload = lender_payload(unique_number())
    return user.create("/api/v1/lenders", payload)


class LenderUser(ApiUser):
    """Creates, lists and reads lenders."""

    path = "/api/v1/lenders"

    def on_start(self) -> None:
        self.known_ids: list[str] = []

    @task(1)
    def create_one(self) -> None:
        created = create_lender(self)
        if created is not None:
            self.known_ids = [*self.known_ids[-(KNOWN_IDS_KEPT - 1) :], str(created["id"])]

    @task(3)
    def list_first_page(self) -> None:
        self.list_page(self.path)

    @task(3)
    def read_one(self) -> None:
        if self.known_ids:
            self.read(self.path, random.choice(self.known_ids))
        else:
            self.create_one()


def loan_application_payload(n: int) -> dict[str, Any]:
    """Field values of a valid loan application, made unique by ``n`` where the schema requires it."""
    return {
        "amount": "100.00",
        "term_months": 10,
        "interest_rate": "12.50",
        "purpose": "purpose",
        "status": "pending",
    }


def create_loan_application(user: ApiUser) -> dict[str, Any] | None:
    """Create one loan application and its parents; ``None`` when a request failed."""
    payload = loan_application_payload(unique_number())
    borrower_parent = create_borrower(user)
    if borrower_parent is None:
        return None
    payload["borrower_id"] = borrower_parent["id"]
    return user.create("/api/v1/loan-applications", payload)


class LoanApplicationUser(ApiUser):
    """Creates, lists and reads loan applications."""

    path = "/api/v1/loan-applications"

    def on_start(self) -> None:
        self.known_ids: list[str] = []

    @task(1)
    def create_one(self) -> None:
        created = create_loan_application(self)
        if created is not None:
            self.known_ids = [*self.known_ids[-(KNOWN_IDS_KEPT - 1) :], str(created["id"])]

    @task(3)
    def list_first_page(self) -> None:
        self.list_page(self.path)

    @task(3)
    def read_one(self) -> None:
        if self.known_ids:
            self.read(self.path, random.choice(self.known_ids))
        else:
            self.create_one()


def investment_payload(n: int) -> dict[str, Any]:
    """Field values of a valid investment, made unique by ``n`` where the schema requires it."""
    return {
        "amount": "12.50",
    }


def create_investment(user: ApiUser) -> dict[str, Any] | None:
    """Create one investment and its parents; ``None`` when a request failed."""
    payload = investment_payload(unique_number())
    lender_parent = create_lender(user)
    if lender_parent is None:
        return None
    payload["lender_id"] = lender_parent["id"]
    loan_application_parent = create_loan_application(user)
    if loan_application_parent is None:
        return None
    payload["loan_application_id"] = loan_application_parent["id"]
    return user.create("/api/v1/investments", payload)


class InvestmentUser(ApiUser):
    """Creates, lists and reads investments."""

    path = "/api/v1/investments"

    def on_start(self) -> None:
        self.known_ids: list[str] = []

    @task(1)
    def create_one(self) -> None:
        created = create_investment(self)
        if created is not None:
            self.known_ids = [*self.known_ids[-(KNOWN_IDS_KEPT - 1) :], str(created["id"])]

    @task(3)
    def list_first_page(self) -> None:
        self.list_page(self.path)

    @task(3)
    def read_one(self) -> None:
        if self.known_ids:
            self.read(self.path, random.choice(self.known_ids))
        else:
            self.create_one()


def repayment_payload(n: int) -> dict[str, Any]:
    """Field values of a valid repayment, made unique by ``n`` where the schema requires it."""
    return {
        "amount": "12.50",
        "due_date": "2030-01-02",
        "paid_at": "2030-01-02T10:00:00+00:00",
        "status": "scheduled",
    }


def create_repayment(user: ApiUser) -> dict[str, Any] | None:
    """Create one repayment and its parents; ``None`` when a request failed."""
    payload = repayment_payload(unique_number())
    loan_application_parent = create_loan_application(user)
    if loan_application_parent is None:
        return None
    payload["loan_application_id"] = loan_application_parent["id"]
    return user.create("/api/v1/repayments", payload)


class RepaymentUser(ApiUser):
    """Creates, lists and reads repayments."""

    path = "/api/v1/repayments"

    def on_start(self) -> None:
        self.known_ids: list[str] = []

    @task(1)
    def create_one(self) -> None:
        created = create_repayment(self)
        if created is not None:
            self.known_ids = [*self.known_ids[-(KNOWN_IDS_KEPT - 1) :], str(created["id"])]

    @task(3)
    def list_first_page(self) -> None:
        self.list_page(self.path)

    @task(3)
    def read_one(self) -> None:
        if self.known_ids:
            self.read(self.path, random.choice(self.known_ids))
        else:
            self.create_one()


def credit_score_record_payload(n: int) -> dict[str, Any]:
    """Field values of a valid credit score record, made unique by ``n`` where the schema requires it."""
    return {
        "borrower_ref": f"00000000-0000-4000-8000-{n:012d}",
        "score": 300,
        "factors": {"key": f"value-{n}"},
    }


def create_credit_score_record(user: ApiUser) -> dict[str, Any] | None:
    """Create one credit score record; ``None`` when a request failed."""
    payload = credit_score_record_payload(unique_number())
    return user.create("/api/v1/credit-score-records", payload)


class CreditScoreRecordUser(ApiUser):
    """Creates, lists and reads credit score records."""

    path = "/api/v1/credit-score-records"

    def on_start(self) -> None:
        self.known_ids: list[str] = []

    @task(1)
    def create_one(self) -> None:
        created = create_credit_score_record(self)
        if created is not None:
            self.known_ids = [*self.known_ids[-(KNOWN_IDS_KEPT - 1) :], str(created["id"])]

    @task(3)
    def list_first_page(self) -> None:
        self.list_page(self.path)

    @task(3)
    def read_one(self) -> None:
        if self.known_ids:
            self.read(self.path, random.choice(self.known_ids))
        else:
            self.create_one()


def audit_log_entry_payload(n: int) -> dict[str, Any]:
    """Field values of a valid audit log entry, made unique by ``n`` where the schema requires it."""
    return {
        "actor": "actor",
        "action": "action",
        "subject_ref": f"00000000-0000-4000-8000-{n:012d}",
        "details": {"key": f"value-{n}"},
    }


def create_audit_log_entry(user: ApiUser) -> dict[str, Any] | None:
    """Create one audit log entry; ``None`` when a request failed."""
    payload = audit_log_entry_payload(unique_number())
    return user.create("/api/v1/audit-log-entries", payload)


class AuditLogEntryUser(ApiUser):
    """Creates, lists and reads audit log entries."""

    path = "/api/v1/audit-log-entries"

    def on_start(self) -> None:
        self.known_ids: list[str] = []

    @task(1)
    def create_one(self) -> None:
        created = create_audit_log_entry(self)
        if created is not None:
            self.known_ids = [*self.known_ids[-(KNOWN_IDS_KEPT - 1) :], str(created["id"])]

    @task(3)
    def list_first_page(self) -> None:
        self.list_page(self.path)

    @task(3)
    def read_one(self) -> None:
        if self.known_ids:
            self.read(self.path, random.choice(self.known_ids))
        else:
            self.create_one()
