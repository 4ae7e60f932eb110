"""Password hashing with bcrypt; only hashes are ever stored."""

from functools import lru_cache

import bcrypt

MAX_PASSWORD_BYTES = 72
"""bcrypt reads at most 72 bytes of a password: longer ones are refused rather than silently cut."""
MIN_PASSWORD_LENGTH = 8


class WeakPasswordError(ValueError):
    """The password is too short or too long to be hashed safely."""


def check_password_strength(password: str) -> None:
    """Refuse a password shorter than 8 characters or longer than bcrypt's 72 bytes."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise WeakPasswordError(f"a password needs at least {MIN_PASSWORD_LENGTH} characters")
    if len(password.encode()) > MAX_PASSWORD_BYTES:
        raise WeakPasswordError(f"a password can have at most {MAX_PASSWORD_BYTES} bytes")


def hash_password(password: str, rounds: int) -> str:
    """The bcrypt hash of ``password`` with ``2^rounds`` iterations (12 in production)."""
    check_password_strength(password)
    return bcrypt.hashpw(password.encode(), bcrypt.gensalt(rounds=rounds)).decode()


@lru_cache(maxsize=8)
def _decoy_hash(rounds: int) -> bytes:
    return bcrypt.hashpw(b"decoy password never accepted", bcrypt.gensalt(rounds=rounds))


def verify_password(password: str, password_hash: str | None, rounds: int) -> bool:
    """Whether ``password`` matches ``password_hash``.

    Without a hash (unknown account) a decoy hash of the same cost is checked, so that the answer takes as long as
    for a known account and does not tell which accounts exist.
    """
    supplied = password.encode()
    if password_hash is None or len(supplied) > MAX_PASSWORD_BYTES:
        bcrypt.checkpw(supplied[:MAX_PASSWORD_BYTES], _decoy_hash(rounds))
        return False
    return bcrypt.checkpw(supplied, password_hash.encode())
