"""Accounts, tokens and audit records for the security tests. Accounts live in the test Redis (``REDIS_URL``) under
names of their own and are removed, with their refresh tokens and rate-limit counters, after each test.
"""

import logging
from dataclasses import dataclass
from typing import Any
from uuid import uuid4

import httpx
import pytest

from shared.security.accounts import Account
from shared.security.audit import AUDIT_LOGGER_NAME
from shared.security.passwords import hash_password
from shared.security.rbac import Role
from src.api.security import SecurityContext

PASSWORD = "correct horse battery staple"
TOKEN_PATH = "/api/v1/auth/token"
REFRESH_PATH = "/api/v1/auth/refresh"
LOGOUT_PATH = "/api/v1/auth/logout"


def bearer(token: str) -> dict[str, str]:
    """The ``Authorization`` header of an access token."""
    return {"Authorization": f"Bearer {token}"}


@dataclass
class Accounts:
    """Creates accounts for one test and removes everything they left in Redis."""

    security: SecurityContext
    created: list[Account]

    async def create(self, role: Role, password: str = PASSWORD) -> Account:
        """A new enabled account of ``role``."""
        username = f"t-{uuid4().hex[:12]}-{role.value.replace('_', '-')}"
        account = await self.security.accounts.create(
            username,
            hash_password(password, self.security.bcrypt_rounds),
            role,
        )
        self.created.append(account)
        return account

    async def remove_all(self) -> None:
        """Delete the accounts, their refresh tokens and their rate-limit counters."""
        redis = self.security.redis
        subjects = {account.subject for account in self.created}
        doomed = [self.security.accounts.key(account.username) for account in self.created]
        async for key in redis.scan_iter(match="auth:refresh:*", count=500):
            if await redis.hget(key, "subject") in subjects:
                doomed.append(key)
        for account in self.created:
            for pattern in (f"ratelimit:{account.subject}:*", f"ratelimit:login:{account.username}:*"):
                doomed.extend([key async for key in redis.scan_iter(match=pattern, count=500)])
        if doomed:
            await redis.delete(*doomed)


async def sign_in(client: httpx.AsyncClient, username: str, password: str = PASSWORD) -> httpx.Response:
    """``POST /api/v1/auth/token`` with a password form."""
    return await client.post(TOKEN_PATH, data={"username": username, "password": password})


async def tokens_of(client: httpx.AsyncClient, account: Account) -> dict[str, Any]:
    """The token response of a successful sign-in of ``account``."""
    response = await sign_in(client, account.username)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def audit_records(caplog: pytest.LogCaptureFixture, event: str) -> list[logging.LogRecord]:
    """The audit records of ``event`` captured so far."""
    return [
        record
        for record in caplog.records
        if record.name == AUDIT_LOGGER_NAME and record.__dict__.get("event") == event
    ]


def assert_no_secret_logged(caplog: pytest.LogCaptureFixture, *secrets: str) -> None:
    """No captured record holds any of ``secrets`` (passwords, tokens, keys) in its message or its fields."""
    for record in caplog.records:
        text = " ".join(f"{key}={value}" for key, value in record.__dict__.items()) + record.getMessage()
        for secret in secrets:
            assert secret not in text, f"{record.name} logged a secret"
