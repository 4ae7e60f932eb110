"""Accounts of the business API in Redis: one hash ``auth:user:<username>`` per account.

The hash holds the bcrypt hash of the password (never the password), the role, whether the account is disabled
and when it was created. Redis is the store of record: run it with persistence (AOF or RDB) in production.
"""

import re
from dataclasses import dataclass
from datetime import UTC, datetime

from redis.asyncio import Redis

from shared.security.rbac import Role

_USERNAME = re.compile(r"[a-z0-9][a-z0-9._@-]{2,63}")


class InvalidUsernameError(ValueError):
    """The username is not 3 to 64 of lowercase letters, digits, ``.``, ``_``, ``@`` and ``-``."""


class AccountExistsError(Exception):
    """An account of that username exists already."""


@dataclass(frozen=True)
class Account:
    """One account; ``password_hash`` is a bcrypt hash."""

    username: str
    role: Role
    password_hash: str
    disabled: bool
    created_at: datetime

    @property
    def subject(self) -> str:
        """The ``sub`` claim of its tokens and its name in the audit log and the rate limits."""
        return f"user:{self.username}"


def normalize_username(username: str) -> str:
    """``username`` in lower case, checked against the allowed characters."""
    normalized = username.strip().lower()
    if not _USERNAME.fullmatch(normalized):
        raise InvalidUsernameError("a username has 3 to 64 lowercase letters, digits, '.', '_', '@' or '-'")
    return normalized


def username_of_subject(subject: str) -> str | None:
    """The username of a ``user:<name>`` subject, ``None`` for any other subject."""
    prefix, _, username = subject.partition(":")
    return username if prefix == "user" and username else None


def _text(value: bytes | str) -> str:
    return value.decode() if isinstance(value, bytes) else value


class RedisAccountStore:
    """Creates and reads accounts."""

    def __init__(self, redis: Redis) -> None:
        self._redis = redis

    @staticmethod
    def key(username: str) -> str:
        """The Redis key of ``username``'s account."""
        return f"auth:user:{username}"

    async def create(self, username: str, password_hash: str, role: Role) -> Account:
        """Store a new account; :class:`AccountExistsError` when the username is taken."""
        name = normalize_username(username)
        key = self.key(name)
        created_at = datetime.now(UTC)
        if not await self._redis.hsetnx(key, "password_hash", password_hash):
            raise AccountExistsError(name)
        await self._redis.hset(
            key,
            mapping={"role": role.value, "disabled": "0", "created_at": created_at.isoformat()},
        )
        return Account(name, role, password_hash, disabled=False, created_at=created_at)

    async def get(self, username: str) -> Account | None:
        """The account of ``username``, ``None`` when there is none (or the name is not valid)."""
        try:
            name = normalize_username(username)
        except InvalidUsernameError:
            return None
        raw = await self._redis.hgetall(self.key(name))
        values = {_text(field): _text(value) for field, value in raw.items()}
        if "password_hash" not in values or "role" not in values:
            return None
        return Account(
            username=name,
            role=Role(values["role"]),
            password_hash=values["password_hash"],
            disabled=values.get("disabled") == "1",
            created_at=datetime.fromisoformat(values.get("created_at") or datetime.now(UTC).isoformat()),
        )

    async def set_disabled(self, username: str, disabled: bool) -> None:
        """Disable an account (its tokens stop working at their next use) or enable it again."""
        await self._redis.hset(self.key(normalize_username(username)), "disabled", "1" if disabled else "0")
