"""Who may call ``/api/v1``: a bearer access token or an ``X-API-Key``, with the role each route requires.

``/health``, ``/ready``, ``/metrics`` and the documentation (``/docs``, ``/openapi.json``) are outside ``/api/v1``
and need no credentials.

Entity routes require, by default: reading ``user``, creating and changing ``moderator``, deleting ``admin``
(``READ_ROLE``, ``WRITE_ROLE``, ``DELETE_ROLE``). A request with an API key acts with ``API_KEY_ROLE``.
"""

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Annotated

from fastapi import Depends, HTTPException, Request, Security, status
from fastapi.security import APIKeyHeader, OAuth2PasswordBearer
from redis.asyncio import Redis

from shared.security.accounts import RedisAccountStore
from shared.security.api_keys import API_KEY_HEADER, api_key_fingerprint, find_api_key
from shared.security.audit import AuditEvent, audit
from shared.security.jwt import InvalidTokenError, TokenCodec
from shared.security.rate_limit import RedisRateLimiter
from shared.security.rbac import Role, role_satisfies
from shared.security.refresh_tokens import RedisRefreshTokenStore
from src.core.config import Settings

READ_ROLE = Role.USER
WRITE_ROLE = Role.MODERATOR
DELETE_ROLE = Role.ADMIN

api_key_scheme = APIKeyHeader(name=API_KEY_HEADER, auto_error=False)
bearer_scheme = OAuth2PasswordBearer(tokenUrl="/api/v1/auth/token", auto_error=False)


@dataclass(frozen=True)
class Principal:
    """The caller of a request: ``user:<name>`` (a token) or ``key:<fingerprint>`` (an API key)."""

    subject: str
    role: Role


@dataclass(frozen=True)
class SecurityContext:
    """What checking credentials needs, opened by the application's lifespan."""

    api_keys: tuple[str, ...]
    api_key_role: Role
    redis: Redis
    tokens: TokenCodec
    accounts: RedisAccountStore
    refresh_tokens: RedisRefreshTokenStore
    bcrypt_rounds: int
    rate_limiter: RedisRateLimiter


def build_security_context(settings: Settings, redis: Redis) -> SecurityContext:
    """The security context of ``settings``, keeping its state in ``redis`` (opened with ``decode_responses=True``)."""
    return SecurityContext(
        api_keys=settings.api_key_list(),
        api_key_role=settings.api_key_role,
        redis=redis,
        tokens=TokenCodec(
            settings.jwt_secret_key.get_secret_value(),
            access_ttl=timedelta(minutes=settings.access_token_minutes),
            refresh_ttl=timedelta(days=settings.refresh_token_days),
        ),
        accounts=RedisAccountStore(redis),
        refresh_tokens=RedisRefreshTokenStore(redis),
        bcrypt_rounds=settings.bcrypt_rounds,
        rate_limiter=RedisRateLimiter(redis, settings.rate_limit_requests, settings.rate_limit_window_seconds),
    )


def get_security(request: Request) -> SecurityContext:
    """The security context of the application."""
    context: SecurityContext = request.app.state.security
    return context


SecurityDep = Annotated[SecurityContext, Depends(get_security)]


def unauthorized(detail: str) -> HTTPException:
    """401 asking for credentials."""
    return HTTPException(
        status.HTTP_401_UNAUTHORIZED,
        detail=detail,
        headers={"WWW-Authenticate": "Bearer"},
    )


async def authenticate(
    request: Request,
    security: SecurityDep,
    api_key: Annotated[str | None, Security(api_key_scheme)],
    token: Annotated[str | None, Security(bearer_scheme)],
) -> Principal:
    """The caller, from its bearer token or its API key; 401 without valid credentials, 429 over its rate limit."""
    if token is not None:
        try:
            claims = security.tokens.decode(token, "access")
            role = Role(claims.role)
        except (InvalidTokenError, ValueError) as error:
            audit(AuditEvent.AUTHENTICATION_FAILED, None, reason=str(error) or "invalid role", path=request.url.path)
            raise unauthorized("The access token is not valid.") from error
        principal = Principal(claims.subject, role)
    elif api_key is not None:
        if find_api_key(api_key, security.api_keys) is None:
            audit(AuditEvent.AUTHENTICATION_FAILED, None, reason="unknown API key", path=request.url.path)
            raise unauthorized("The API key is not valid.")
        principal = Principal(f"key:{api_key_fingerprint(api_key)}", security.api_key_role)
    else:
        raise unauthorized("A bearer token or an X-API-Key header is required.")
    decision = await security.rate_limiter.hit(principal.subject)
    if not decision.allowed:
        audit(AuditEvent.RATE_LIMITED, principal.subject, path=request.url.path, limit=decision.limit)
        raise HTTPException(
            status.HTTP_429_TOO_MANY_REQUESTS,
            detail=f"More than {decision.limit} requests in {security.rate_limiter.window_seconds} s.",
            headers={"Retry-After": str(decision.retry_after_seconds)},
        )
    request.state.principal = principal
    return principal


PrincipalDep = Annotated[Principal, Depends(authenticate)]


def require_role(required: Role) -> Callable[..., Awaitable[Principal]]:
    """A dependency letting through callers of ``required`` or a higher role; 403 for the others."""

    async def check_role(request: Request, principal: PrincipalDep) -> Principal:
        if not role_satisfies(principal.role, required):
            audit(
                AuditEvent.PERMISSION_DENIED,
                principal.subject,
                path=request.url.path,
                method=request.method,
                required_role=required.value,
            )
            raise HTTPException(status.HTTP_403_FORBIDDEN, detail=f"This needs the role {required.value} or higher.")
        return principal

    return check_role
