"""JSON Web Tokens signed with HS256: short-lived access tokens and rotating refresh tokens.

Every token carries ``sub``, ``iat``, ``exp``, ``jti`` and ``type`` (``access`` or ``refresh``). Decoding accepts
HS256 only (an explicit allow-list: ``alg: none`` and every other algorithm are refused) and requires every claim.
"""

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, Literal
from uuid import uuid4

import jwt

ALGORITHM = "HS256"
MIN_SECRET_LENGTH = 32
REQUIRED_CLAIMS = ["exp", "iat", "sub", "jti", "type"]
TokenType = Literal["access", "refresh"]


class InvalidTokenError(Exception):
    """The token is malformed, expired, wrongly signed or of the wrong type."""


@dataclass(frozen=True)
class TokenClaims:
    """The claims of a valid token. ``role`` is set on access tokens, ``family`` on refresh tokens."""

    subject: str
    token_id: str
    token_type: TokenType
    issued_at: datetime
    expires_at: datetime
    role: str = ""
    family: str = ""


@dataclass(frozen=True)
class IssuedToken:
    """An encoded token and its claims."""

    token: str
    claims: TokenClaims


class TokenCodec:
    """Issues and checks the tokens of one secret."""

    def __init__(self, secret: str, access_ttl: timedelta, refresh_ttl: timedelta) -> None:
        if len(secret) < MIN_SECRET_LENGTH:
            raise ValueError(f"the JWT secret needs at least {MIN_SECRET_LENGTH} characters")
        self._secret = secret
        self.access_ttl = access_ttl
        self.refresh_ttl = refresh_ttl

    def issue_access(self, subject: str, role: str, now: datetime | None = None) -> IssuedToken:
        """An access token of ``subject`` acting as ``role``."""
        return self._issue(subject, "access", self.access_ttl, now, role=role)

    def issue_refresh(self, subject: str, family: str | None = None, now: datetime | None = None) -> IssuedToken:
        """A refresh token of ``subject`` in ``family`` (a new family when ``None``: a new login)."""
        return self._issue(subject, "refresh", self.refresh_ttl, now, family=family or uuid4().hex)

    def decode(self, token: str, expected_type: TokenType) -> TokenClaims:
        """The claims of ``token`` if it is valid and of ``expected_type``; :class:`InvalidTokenError` otherwise."""
        try:
            payload: dict[str, Any] = jwt.decode(
                token,
                self._secret,
                algorithms=[ALGORITHM],
                options={"require": REQUIRED_CLAIMS},
            )
        except jwt.PyJWTError as error:
            raise InvalidTokenError(type(error).__name__) from error
        if payload["type"] != expected_type:
            raise InvalidTokenError(f"expected a {expected_type} token")
        family = str(payload.get("fam", ""))
        if expected_type == "refresh" and not family:
            raise InvalidTokenError("a refresh token needs a family")
        return TokenClaims(
            subject=str(payload["sub"]),
            token_id=str(payload["jti"]),
            token_type=expected_type,
            issued_at=datetime.fromtimestamp(int(payload["iat"]), UTC),
            expires_at=datetime.fromtimestamp(int(payload["exp"]), UTC),
            role=str(payload.get("role", "")),
            family=family,
        )

    def _issue(
        self,
        subject: str,
        token_type: TokenType,
        ttl: timedelta,
        now: datetime | None,
        role: str = "",
        family: str = "",
    ) -> IssuedToken:
        issued_at = (now or datetime.now(UTC)).replace(microsecond=0)
        claims = TokenClaims(
            subject=subject,
            token_id=uuid4().hex,
            token_type=token_type,
            issued_at=issued_at,
            expires_at=issued_at + ttl,
            role=role,
            family=family,
        )
        payload: dict[str, Any] = {
            "sub": subject,
            "iat": int(issued_at.timestamp()),
            "exp": int(claims.expires_at.timestamp()),
            "jti": claims.token_id,
            "type": token_type,
        }
        if role:
            payload["role"] = role
        if family:
            payload["fam"] = family
        return IssuedToken(jwt.encode(payload, self._secret, algorithm=ALGORITHM), claims)
