"""OAuth2 password flow, JWT checks, refresh-token rotation with reuse detection, logout and the audit records,
against the real Redis of ``REDIS_URL``.
"""

import asyncio
import base64
import json
from datetime import UTC, datetime, timedelta

import httpx
import pytest
from fastapi import FastAPI
from redis.asyncio import Redis

from shared.security.accounts import RedisAccountStore
from shared.security.jwt import TokenCodec
from shared.security.rbac import Role
from src import create_admin
from src.api.security import SecurityContext
from src.core.config import Settings
from tests.helpers import assert_problem
from tests.security_support import (
    LOGOUT_PATH,
    PASSWORD,
    REFRESH_PATH,
    Accounts,
    assert_no_secret_logged,
    audit_records,
    bearer,
    sign_in,
    tokens_of,
)

ENTITY_PATH = [
    "/api/v1/borrowers",
    "/api/v1/lenders",
    "/api/v1/loan-applications",
    "/api/v1/investments",
    "/api/v1/repayments",
    "/api/v1/credit-score-records",
    "/api/v1/audit-log-entries",
][0]


def security_of(app: FastAPI) -> SecurityContext:
    """The security context of ``app``."""
    context: SecurityContext = app.state.security
    return context


def unsigned_token(claims: dict[str, object]) -> str:
    """A token with ``alg: none`` and no signature."""

    def part(value: dict[str, object]) -> str:
        return base64.urlsafe_b64encode(json.dumps(value).encode()).rstrip(b"=").decode()

    return f"{part({'alg': 'none', 'typ': 'JWT'})}.{part(claims)}."


async def test_sign_in_gives_tokens_that_open_the_api(
    app: FastAPI,
    client: httpx.AsyncClient,
    accounts: Accounts,
    caplog: pytest.LogCaptureFixture,
) -> None:
    account = await accounts.create(Role.USER)

    response = await client.post(
        "/api/v1/auth/token",
        data={"username": account.username.upper(), "password": PASSWORD},
        headers={"X-Request-ID": "req-audit-sign-in"},
    )

    assert response.status_code == 200, response.text
    body = response.json()
    assert body["token_type"] == "bearer"
    assert body["expires_in"] == 30 * 60
    claims = security_of(app).tokens.decode(body["access_token"], "access")
    assert claims.subject == account.subject
    assert claims.role == "user"
    assert claims.expires_at - claims.issued_at == timedelta(minutes=30)
    refresh = security_of(app).tokens.decode(body["refresh_token"], "refresh")
    assert refresh.expires_at - refresh.issued_at == timedelta(days=7)
    listed = await client.get(ENTITY_PATH, headers=bearer(body["access_token"]))
    assert listed.status_code == 200, listed.text
    [record] = audit_records(caplog, "login_succeeded")
    assert record.__dict__["subject"] == account.subject
    assert record.__dict__["request_id"] == "req-audit-sign-in"
    assert_no_secret_logged(caplog, PASSWORD, body["access_token"], body["refresh_token"])


@pytest.mark.parametrize("known", [True, False], ids=["wrong-password", "unknown-account"])
async def test_a_wrong_password_or_account_is_refused_and_audited(
    client: httpx.AsyncClient,
    accounts: Accounts,
    caplog: pytest.LogCaptureFixture,
    known: bool,
) -> None:
    account = await accounts.create(Role.ADMIN)
    username = account.username if known else "nobody-" + account.username

    response = await sign_in(client, username, "not the password")

    body = assert_problem(response, 401)
    assert body["detail"] == "The username or the password is wrong."
    assert response.headers["www-authenticate"] == "Bearer"
    [record] = audit_records(caplog, "login_failed")
    assert record.__dict__["subject"] == f"user:{username}"
    assert_no_secret_logged(caplog, "not the password")


async def test_a_disabled_account_cannot_sign_in(app: FastAPI, client: httpx.AsyncClient, accounts: Accounts) -> None:
    account = await accounts.create(Role.USER)
    await security_of(app).accounts.set_disabled(account.username, disabled=True)

    assert_problem(await sign_in(client, account.username), 401)


async def test_an_expired_access_token_is_refused(app: FastAPI, client: httpx.AsyncClient, accounts: Accounts) -> None:
    account = await accounts.create(Role.ADMIN)
    issued = security_of(app).tokens.issue_access(
        account.subject,
        "admin",
        now=datetime.now(UTC) - timedelta(hours=1),
    )

    response = await client.get(ENTITY_PATH, headers=bearer(issued.token))

    body = assert_problem(response, 401)
    assert body["detail"] == "The access token is not valid."


async def test_a_token_signed_with_another_secret_is_refused(
    client: httpx.AsyncClient,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level("INFO", logger="audit")
    forger = TokenCodec("another secret of at least 32 characters!", timedelta(minutes=5), timedelta(days=1))
    forged = forger.issue_access("user:mallory", "super_admin")

    response = await client.get(ENTITY_PATH, headers=bearer(forged.token))

    assert_problem(response, 401)
    [record] = audit_records(caplog, "authentication_failed")
    assert record.__dict__["reason"] == "InvalidSignatureError"


async def test_an_unsigned_alg_none_token_is_refused(client: httpx.AsyncClient) -> None:
    now = int(datetime.now(UTC).timestamp())
    token = unsigned_token(
        {"sub": "user:mallory", "role": "super_admin", "type": "access", "jti": "x", "iat": now, "exp": now + 600},
    )

    assert_problem(await client.get(ENTITY_PATH, headers=bearer(token)), 401)


async def test_a_refresh_token_does_not_open_the_api(client: httpx.AsyncClient, accounts: Accounts) -> None:
    tokens = await tokens_of(client, await accounts.create(Role.ADMIN))

    assert_problem(await client.get(ENTITY_PATH, headers=bearer(tokens["refresh_token"])), 401)
    assert_problem(await client.post(REFRESH_PATH, json={"refresh_token": tokens["access_token"]}), 401)


async def test_refresh_rotates_and_a_reused_token_revokes_its_family(
    client: httpx.AsyncClient,
    accounts: Accounts,
    caplog: pytest.LogCaptureFixture,
) -> None:
    account = await accounts.create(Role.MODERATOR)
    first = await tokens_of(client, account)

    rotated = await client.post(REFRESH_PATH, json={"refresh_token": first["refresh_token"]})
    assert rotated.status_code == 200, rotated.text
    second = rotated.json()
    assert second["refresh_token"] != first["refresh_token"]
    assert (await client.get(ENTITY_PATH, headers=bearer(second["access_token"]))).status_code == 200
    assert audit_records(caplog, "token_refreshed")[0].__dict__["subject"] == account.subject

    reused = await client.post(REFRESH_PATH, json={"refresh_token": first["refresh_token"]})
    assert_problem(reused, 401)
    [reuse] = audit_records(caplog, "refresh_reuse_detected")
    assert reuse.__dict__["subject"] == account.subject

    after_reuse = await client.post(REFRESH_PATH, json={"refresh_token": second["refresh_token"]})
    assert_problem(after_reuse, 401)
    assert_no_secret_logged(caplog, first["refresh_token"], second["refresh_token"], second["access_token"])


async def test_logout_ends_the_session(
    client: httpx.AsyncClient,
    accounts: Accounts,
    caplog: pytest.LogCaptureFixture,
) -> None:
    account = await accounts.create(Role.USER)
    tokens = await tokens_of(client, account)

    response = await client.post(LOGOUT_PATH, json={"refresh_token": tokens["refresh_token"]})

    assert response.status_code == 204, response.text
    assert_problem(await client.post(REFRESH_PATH, json={"refresh_token": tokens["refresh_token"]}), 401)
    assert_problem(await client.post(LOGOUT_PATH, json={"refresh_token": "not-a-token"}), 401)
    [record] = audit_records(caplog, "logged_out")
    assert record.__dict__["subject"] == account.subject


async def test_a_removed_account_cannot_refresh(app: FastAPI, client: httpx.AsyncClient, accounts: Accounts) -> None:
    account = await accounts.create(Role.USER)
    tokens = await tokens_of(client, account)
    await security_of(app).redis.delete(RedisAccountStore.key(account.username))

    response = await client.post(REFRESH_PATH, json={"refresh_token": tokens["refresh_token"]})

    body = assert_problem(response, 401)
    assert "no longer exists" in body["detail"]


def test_create_admin_stores_a_hashed_account_once(monkeypatch: pytest.MonkeyPatch) -> None:
    settings = Settings()
    username = f"t-admin-{datetime.now(UTC).strftime('%H%M%S%f')}"
    monkeypatch.setenv(create_admin.PASSWORD_VARIABLE, PASSWORD)

    async def stored() -> tuple[str, str]:
        redis = Redis.from_url(settings.redis_url, decode_responses=True)
        try:
            account = await RedisAccountStore(redis).get(username)
            assert account is not None
            await redis.delete(RedisAccountStore.key(username))
            return account.role.value, account.password_hash
        finally:
            await redis.aclose()

    assert create_admin.main([username, "--role", "admin"], settings) == 0
    assert create_admin.main([username], settings) == 1
    role, password_hash = asyncio.run(stored())

    assert role == "admin"
    assert password_hash.startswith("$2b$04$")
    assert PASSWORD not in password_hash
    assert create_admin.main(["No Spaces Allowed"], settings) == 1
    monkeypatch.setenv(create_admin.PASSWORD_VARIABLE, "short")
    assert create_admin.main([username + "-weak"], settings) == 1


def test_create_admin_asks_for_the_password_twice(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(create_admin.PASSWORD_VARIABLE, raising=False)
    answers = iter(["first password", "second password", "same password", "same password"])

    def prompt(_: str) -> str:
        return next(answers)

    with pytest.raises(ValueError, match="differ"):
        create_admin.read_password(prompt)
    assert create_admin.read_password(prompt) == "same password"
