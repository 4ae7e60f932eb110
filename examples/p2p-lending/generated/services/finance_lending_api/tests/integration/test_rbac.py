"""Roles on the entity routes: reading needs ``user``, creating and changing ``moderator``, deleting ``admin``; a
missing role is a 403 and an audit record.
"""

from collections.abc import Awaitable, Callable
from typing import Any
from uuid import uuid4

import httpx
import pytest

from shared.security.rbac import Role, role_satisfies
from src.api.security import DELETE_ROLE, READ_ROLE, WRITE_ROLE
from tests.helpers import (
    assert_problem,
    build_borrower_payload,
    build_lender_payload,
    build_loan_application_payload,
    build_investment_payload,
    build_repayment_payload,
    build_credit_score_record_payload,
    build_audit_log_entry_payload,
)
from tests.security_support import Accounts, audit_records, bearer, tokens_of

PayloadBuilder = Callable[[httpx.AsyncClient], Awaitable[dict[str, Any]]]

ENTITIES: list[tuple[str, PayloadBuilder]] = [
    ("/api/v1/borrowers", build_borrower_payload),
    ("/api/v1/lenders", build_lender_payload),
    ("/api/v1/loan-applications", build_loan_application_payload),
    ("/api/v1/investments", build_investment_payload),
    ("/api/v1/repayments", build_repayment_payload),
    ("/api/v1/credit-score-records", build_credit_score_record_payload),
    ("/api/v1/audit-log-entries", build_audit_log_entry_payload),
]
ENTITY_PATH, BUILD_PAYLOAD = ENTITIES[0]


def test_the_role_hierarchy_is_ordered() -> None:
    ordered = [Role.USER, Role.MODERATOR, Role.ADMIN, Role.SUPER_ADMIN]

    for rank, role in enumerate(ordered):
        for other_rank, other in enumerate(ordered):
            assert role_satisfies(role, other) is (rank >= other_rank)
    assert (READ_ROLE, WRITE_ROLE, DELETE_ROLE) == (Role.USER, Role.MODERATOR, Role.ADMIN)


async def test_a_user_reads_but_may_not_write(
    client: httpx.AsyncClient,
    accounts: Accounts,
    caplog: pytest.LogCaptureFixture,
) -> None:
    account = await accounts.create(Role.USER)
    headers = bearer((await tokens_of(client, account))["access_token"])
    payload = await BUILD_PAYLOAD(client)

    listed = await client.get(ENTITY_PATH, headers=headers)
    created = await client.post(ENTITY_PATH, json=payload, headers=headers)

    assert listed.status_code == 200, listed.text
    body = assert_problem(created, 403)
    assert body["detail"] == "This needs the role moderator or higher."
    [record] = audit_records(caplog, "permission_denied")
    assert record.__dict__["subject"] == account.subject
    assert record.__dict__["required_role"] == "moderator"
    assert record.__dict__["method"] == "POST"


async def test_a_moderator_writes_but_may_not_delete(client: httpx.AsyncClient, accounts: Accounts) -> None:
    headers = bearer((await tokens_of(client, await accounts.create(Role.MODERATOR)))["access_token"])

    created = await client.post(ENTITY_PATH, json=await BUILD_PAYLOAD(client), headers=headers)
    assert created.status_code == 201, created.text
    deleted = await client.delete(f"{ENTITY_PATH}/{created.json()['id']}", headers=headers)

    assert_problem(deleted, 403)


@pytest.mark.parametrize("role", [Role.ADMIN, Role.SUPER_ADMIN])
async def test_an_admin_deletes(client: httpx.AsyncClient, accounts: Accounts, role: Role) -> None:
    headers = bearer((await tokens_of(client, await accounts.create(role)))["access_token"])

    deleted = await client.delete(f"{ENTITY_PATH}/{uuid4()}", headers=headers)

    assert_problem(deleted, 404)
