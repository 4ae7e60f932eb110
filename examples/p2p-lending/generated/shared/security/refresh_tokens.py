"""Refresh-token rotation with reuse detection, in Redis.

Each refresh token is registered under ``auth:refresh:<jti>`` (state ``active``) until it expires. Using it marks
it ``used``, atomically, and the caller issues the next token of the same family. Presenting a used token again
means it was stolen or replayed: the whole family is revoked (``auth:family:<family>``), which logs out every
session that descends from the same login.
"""

from enum import StrEnum

from redis.asyncio import Redis

from shared.security.jwt import TokenClaims

# Marks an active token used and answers its previous state, in one step (no two requests can both use it).
_CONSUME = """
local state = redis.call('HGET', KEYS[1], 'state')
if not state then return 'unknown' end
if redis.call('EXISTS', KEYS[2]) == 1 then return 'revoked' end
if state == 'active' then redis.call('HSET', KEYS[1], 'state', 'used') end
return state
"""


class RefreshOutcome(StrEnum):
    """What presenting a refresh token found."""

    ACTIVE = "active"
    """Valid and now used: issue the next token of its family."""
    USED = "used"
    """Used before: reuse, the family is to be revoked."""
    REVOKED = "revoked"
    """Its family was revoked (logout or reuse)."""
    UNKNOWN = "unknown"
    """Never registered or expired."""


class RedisRefreshTokenStore:
    """The state of every refresh token and family."""

    def __init__(self, redis: Redis) -> None:
        self._redis = redis

    @staticmethod
    def token_key(token_id: str) -> str:
        """The Redis key of one refresh token."""
        return f"auth:refresh:{token_id}"

    @staticmethod
    def family_key(family: str) -> str:
        """The Redis key marking a revoked family."""
        return f"auth:family:{family}"

    async def register(self, claims: TokenClaims) -> None:
        """Record a newly issued refresh token as active until it expires."""
        key = self.token_key(claims.token_id)
        ttl = max(1, int((claims.expires_at - claims.issued_at).total_seconds()))
        async with self._redis.pipeline(transaction=True) as pipe:
            pipe.hset(key, mapping={"state": "active", "subject": claims.subject, "family": claims.family})
            pipe.expire(key, ttl)
            await pipe.execute()

    async def consume(self, claims: TokenClaims) -> RefreshOutcome:
        """Use the refresh token of ``claims`` once."""
        keys = [self.token_key(claims.token_id), self.family_key(claims.family)]
        state = await self._redis.eval(_CONSUME, len(keys), *keys)
        return RefreshOutcome(str(state))

    async def revoke_family(self, family: str, ttl_seconds: int) -> None:
        """Refuse every token of ``family`` from now on (kept for as long as its tokens could live)."""
        await self._redis.set(self.family_key(family), "revoked", ex=max(1, ttl_seconds))
