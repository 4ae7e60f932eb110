"""Create an account: ``python -m src.create_admin USERNAME [--role super_admin]`` (``make create-admin``).

The password comes from ``ADMIN_PASSWORD`` when it is set, otherwise from a prompt (asked twice). The account is
written to the Redis of ``REDIS_URL``; the password is stored as a bcrypt hash of ``BCRYPT_ROUNDS``.
"""

import argparse
import asyncio
import getpass
import os
import sys
from collections.abc import Callable, Sequence

from redis.asyncio import Redis

from shared.security.accounts import AccountExistsError, InvalidUsernameError, RedisAccountStore
from shared.security.audit import AuditEvent, audit
from shared.security.passwords import WeakPasswordError, hash_password
from shared.security.rbac import Role
from shared.utils.logger import configure_logging
from src.core.config import SERVICE_NAME, Settings, get_settings

PASSWORD_VARIABLE = "ADMIN_PASSWORD"


def read_password(prompt: Callable[[str], str] = getpass.getpass) -> str:
    """The new password, from ``ADMIN_PASSWORD`` or typed twice."""
    from_environment = os.environ.get(PASSWORD_VARIABLE)
    if from_environment:
        return from_environment
    password = prompt("Password: ")
    if prompt("Password again: ") != password:
        raise WeakPasswordError("the two passwords differ")
    return password


async def create_account(settings: Settings, username: str, password: str, role: Role) -> str:
    """Store the account in Redis; return its username (normalized)."""
    redis = Redis.from_url(settings.redis_url, decode_responses=True)
    try:
        account = await RedisAccountStore(redis).create(
            username,
            hash_password(password, settings.bcrypt_rounds),
            role,
        )
    finally:
        await redis.aclose()
    audit(AuditEvent.ACCOUNT_CREATED, account.subject, role=role.value)
    return account.username


def main(argv: Sequence[str] | None = None, settings: Settings | None = None) -> int:
    """Create the account named on the command line; exit status 0, or 1 with the reason on standard error."""
    parser = argparse.ArgumentParser(prog="python -m src.create_admin", description="Create an account.")
    parser.add_argument("username")
    parser.add_argument("--role", choices=[role.value for role in Role], default=Role.SUPER_ADMIN.value)
    arguments = parser.parse_args(argv)
    resolved = settings if settings is not None else get_settings()
    configure_logging(SERVICE_NAME, resolved.log_level)
    try:
        username = asyncio.run(create_account(resolved, arguments.username, read_password(), Role(arguments.role)))
    except (AccountExistsError, InvalidUsernameError, WeakPasswordError) as error:
        print(f"error: {type(error).__name__}: {error}", file=sys.stderr)
        return 1
    print(f"created {arguments.role} {username}")
    return 0


if __name__ == "__main__":  # pragma: no cover - the command line entry point
    sys.exit(main())
