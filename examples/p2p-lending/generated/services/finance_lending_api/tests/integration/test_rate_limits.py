"""Per-user and per-API-key rate limits in Redis: over the limit, 429 problem+json with ``Retry-After``."""

from collections.abc import AsyncIterator
from uuid import uuid4

import httpx
import pytest
from fastapi import FastAPI
from redis.asyncio import Redis

from shared.security.api_keys import API_KEY_HEADER, api_key_fingerprint
from shared.security.rate_limit import RedisRateLimiter
from shared.security.rbac import Role
from src.core.config import Settings
from src.main import create_app
from tests.helpers import assert_problem
from tests.security_support import Accounts, audit_records, bearer, sign_in, tokens_of

ENTITY_PATH = [
    "/api/v1/borrowers",
    "/api/v1/lenders",
    "/api/v1/loan-applications",
    "/api/v1/investments",
    "/api/v1/repayments",
    "/api/v1/credit-score-records",
    "/api/v1/audit-log-entries",
][0]
LIMIT = 2
OWN_KEY = f"limited-{uuid4().hex}"


@pytest.fixture
async def limited_app(data_http_clients: dict[str, httpx.AsyncClient]) -> AsyncIterator[FastAPI]:
    """This service allowing ``LIMIT`` requests a minute per caller."""
    application = create_app(
        Settings(api_keys=OWN_KEY, rate_limit_requests=LIMIT, rate_limit_window_seconds=60),
        http_clients=data_http_clients,
    )
    async with application.router.lifespan_context(application):
        yield application


@pytest.fixture
async def limited(limited_app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    """A client of ``limited_app`` sending no credentials by default."""
    transport = httpx.ASGITransport(app=limited_app)
    async with httpx.AsyncClient(
        transport=transport,
        base_url="http://finance-lending-api",
    ) as http_client:
        yield http_client


async def test_an_api_key_over_its_limit_gets_429_with_retry_after(
    limited: httpx.AsyncClient,
    limited_app: FastAPI,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level("INFO", logger="audit")
    subject = f"key:{api_key_fingerprint(OWN_KEY)}"
    redis: Redis = limited_app.state.security.redis
    try:
        answers = [await limited.get(ENTITY_PATH, headers={API_KEY_HEADER: OWN_KEY}) for _ in range(LIMIT + 1)]
        counters = [k async for k in redis.scan_iter(match=f"ratelimit:{subject}:*")]
    finally:
        await redis.delete(*[k async for k in redis.scan_iter(match=f"ratelimit:{subject}:*")] or ["-"])

    assert [answer.status_code for answer in answers[:LIMIT]] == [200] * LIMIT
    body = assert_problem(answers[LIMIT], 429)
    assert body["detail"] == f"More than {LIMIT} requests in 60 s."
    assert 1 <= int(answers[LIMIT].headers["retry-after"]) <= 60
    assert len(counters) == 1
    [record] = audit_records(caplog, "rate_limited")
    assert record.__dict__["subject"] == subject


async def test_each_user_has_a_limit_of_its_own(
    limited: httpx.AsyncClient,
    accounts: Accounts,
) -> None:
    first = bearer((await tokens_of(limited, await accounts.create(Role.USER)))["access_token"])
    second = bearer((await tokens_of(limited, await accounts.create(Role.USER)))["access_token"])

    statuses = [(await limited.get(ENTITY_PATH, headers=first)).status_code for _ in range(LIMIT + 1)]
    other = await limited.get(ENTITY_PATH, headers=second)

    assert statuses == [200] * LIMIT + [429]
    assert other.status_code == 200, other.text


async def test_password_guessing_is_limited_per_username(
    limited: httpx.AsyncClient,
    limited_app: FastAPI,
    accounts: Accounts,
) -> None:
    account = await accounts.create(Role.USER)
    redis: Redis = limited_app.state.security.redis
    try:
        guesses = [await sign_in(limited, account.username, "wrong guess") for _ in range(LIMIT)]
        blocked = await sign_in(limited, account.username)
    finally:
        await redis.delete(*[k async for k in redis.scan_iter(match=f"ratelimit:login:{account.username}:*")])

    assert [guess.status_code for guess in guesses] == [401] * LIMIT
    body = assert_problem(blocked, 429)
    assert body["detail"] == "Too many sign-in attempts."
    assert int(blocked.headers["retry-after"]) >= 1


async def test_the_window_decides_the_count(limited_app: FastAPI) -> None:
    redis: Redis = limited_app.state.security.redis
    now = [1_000_000.5]
    limiter = RedisRateLimiter(redis, limit=1, window_seconds=10, clock=lambda: now[0])
    subject = f"test:{id(now)}"
    try:
        first = await limiter.hit(subject)
        second = await limiter.hit(subject)
        now[0] += 10
        next_window = await limiter.hit(subject)
        ttl = await redis.ttl(RedisRateLimiter.key(subject, 100_001))
    finally:
        await redis.delete(RedisRateLimiter.key(subject, 100_000), RedisRateLimiter.key(subject, 100_001))

    assert (first.allowed, first.remaining) == (True, 0)
    assert (second.allowed, second.retry_after_seconds) == (False, 10)
    assert next_window.allowed
    assert 0 < ttl <= 11
    with pytest.raises(ValueError, match="at least 1"):
        RedisRateLimiter(redis, limit=0, window_seconds=10)
