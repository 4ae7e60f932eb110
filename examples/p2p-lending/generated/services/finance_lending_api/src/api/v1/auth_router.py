"""``/api/v1/auth``: the OAuth2 password flow, refresh-token rotation and logout.

- ``POST /token`` (form ``username``, ``password``): an access token (with the account's role, 30 minutes by default) and a
  refresh token (7 days) of a new family.
- ``POST /refresh`` (``{"refresh_token"}``): the next pair of the same family; the presented token is used up.
  Presenting a used token again revokes its whole family (reuse detection).
- ``POST /logout`` (``{"refresh_token"}``): revokes the family of that token; its access tokens expire on their own.
"""

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Request, status
from fastapi.security import OAuth2PasswordRequestForm
from pydantic import BaseModel, Field

from shared.security.accounts import Account, username_of_subject
from shared.security.audit import AuditEvent, audit
from shared.security.jwt import InvalidTokenError, TokenClaims
from shared.security.passwords import verify_password
from shared.security.refresh_tokens import RefreshOutcome
from src.api.security import SecurityContext, SecurityDep, unauthorized

router = APIRouter(prefix="/auth", tags=["auth"])


class TokenPair(BaseModel):
    """The OAuth2 token response."""

    access_token: str
    refresh_token: str
    token_type: str = "bearer"
    expires_in: int = Field(description="Seconds until the access token expires.")


class RefreshRequest(BaseModel):
    """A refresh token to rotate or revoke."""

    refresh_token: str = Field(min_length=1, max_length=4096)


async def issue_pair(security: SecurityContext, account: Account, family: str | None = None) -> TokenPair:
    """A new access token and a new registered refresh token (of ``family``, or a new one) for ``account``."""
    access = security.tokens.issue_access(account.subject, account.role.value)
    refresh = security.tokens.issue_refresh(account.subject, family)
    await security.refresh_tokens.register(refresh.claims)
    return TokenPair(
        access_token=access.token,
        refresh_token=refresh.token,
        expires_in=int(security.tokens.access_ttl.total_seconds()),
    )


def decode_refresh(security: SecurityContext, token: str, request: Request) -> TokenClaims:
    """The claims of a valid refresh token; 401 otherwise."""
    try:
        return security.tokens.decode(token, "refresh")
    except InvalidTokenError as error:
        audit(AuditEvent.AUTHENTICATION_FAILED, None, reason=str(error), path=request.url.path)
        raise unauthorized("The refresh token is not valid.") from error


def family_ttl_seconds(security: SecurityContext) -> int:
    """How long a revoked family is remembered: as long as any of its refresh tokens could still be presented."""
    return int(security.tokens.refresh_ttl.total_seconds())


@router.post("/token")
async def issue_token(
    form: Annotated[OAuth2PasswordRequestForm, Depends()],
    security: SecurityDep,
    request: Request,
) -> TokenPair:
    """Sign in with a username and password (OAuth2 password flow)."""
    # Password guessing is limited per username, like any caller: RATE_LIMIT_REQUESTS attempts per window.
    attempts = await security.rate_limiter.hit(f"login:{form.username.strip().lower()[:64]}")
    if not attempts.allowed:
        audit(AuditEvent.RATE_LIMITED, f"user:{form.username.strip().lower()[:64]}", path=request.url.path)
        raise HTTPException(
            status.HTTP_429_TOO_MANY_REQUESTS,
            detail="Too many sign-in attempts.",
            headers={"Retry-After": str(attempts.retry_after_seconds)},
        )
    account = await security.accounts.get(form.username)
    password_hash = account.password_hash if account is not None else None
    if not verify_password(form.password, password_hash, security.bcrypt_rounds) or account is None or account.disabled:
        audit(AuditEvent.LOGIN_FAILED, f"user:{form.username.strip().lower()[:64]}")
        raise unauthorized("The username or the password is wrong.")
    pair = await issue_pair(security, account)
    audit(AuditEvent.LOGIN_SUCCEEDED, account.subject)
    return pair


@router.post("/refresh")
async def refresh_token(payload: RefreshRequest, security: SecurityDep, request: Request) -> TokenPair:
    """Trade a refresh token for a new pair; the presented one can never be used again."""
    claims = decode_refresh(security, payload.refresh_token, request)
    outcome = await security.refresh_tokens.consume(claims)
    if outcome is RefreshOutcome.USED:
        await security.refresh_tokens.revoke_family(claims.family, family_ttl_seconds(security))
        audit(AuditEvent.REFRESH_REUSE_DETECTED, claims.subject)
    if outcome is not RefreshOutcome.ACTIVE:
        raise unauthorized("The refresh token was used, revoked or has expired.")
    username = username_of_subject(claims.subject)
    account = await security.accounts.get(username) if username else None
    if account is None or account.disabled:
        raise unauthorized("The account no longer exists or is disabled.")
    pair = await issue_pair(security, account, claims.family)
    audit(AuditEvent.TOKEN_REFRESHED, account.subject)
    return pair


@router.post("/logout", status_code=status.HTTP_204_NO_CONTENT)
async def logout(payload: RefreshRequest, security: SecurityDep, request: Request) -> None:
    """End the session of a refresh token: its family is revoked."""
    claims = decode_refresh(security, payload.refresh_token, request)
    await security.refresh_tokens.revoke_family(claims.family, family_ttl_seconds(security))
    audit(AuditEvent.LOGGED_OUT, claims.subject)
