"""Roles, from the most to the least powerful: ``super_admin > admin > moderator > user``."""

from enum import StrEnum


class Role(StrEnum):
    """A role; a higher role may do everything a lower one may."""

    SUPER_ADMIN = "super_admin"
    ADMIN = "admin"
    MODERATOR = "moderator"
    USER = "user"


_RANK: dict[Role, int] = {Role.USER: 0, Role.MODERATOR: 1, Role.ADMIN: 2, Role.SUPER_ADMIN: 3}


def role_satisfies(role: Role, required: Role) -> bool:
    """Whether ``role`` is ``required`` or above it."""
    return _RANK[role] >= _RANK[required]
