"""Redis: the bot's own database of the Redis server, and the FSM storage and event claims built on it."""

from urllib.parse import urlsplit, urlunsplit

from aiogram.fsm.storage.base import BaseStorage, DefaultKeyBuilder
from aiogram.fsm.storage.memory import MemoryStorage
from aiogram.fsm.storage.redis import RedisStorage
from redis.asyncio import Redis

from shared.messaging.idempotency import IdempotencyStore, MemoryIdempotencyStore, RedisIdempotencyStore
from src.core.config import REDIS_DB, SERVICE_NAME, Settings

FSM_STATE_TTL_SECONDS = 24 * 60 * 60
"""A conversation left half-way is forgotten after a day."""


def redis_url_for_db(url: str, db: int = REDIS_DB) -> str:
    """``url`` pointing at database ``db``, whatever database it named."""
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, f"/{db}", parts.query, parts.fragment))


def open_redis(url: str) -> Redis:
    """A client of the bot's Redis database; the caller closes it with ``aclose()``."""
    return Redis.from_url(redis_url_for_db(url), decode_responses=True)


def build_fsm_storage(redis: Redis | None) -> BaseStorage:
    """FSM storage in Redis (keys prefixed with the service name) or, without Redis, in memory."""
    if redis is None:
        return MemoryStorage()
    return RedisStorage(
        redis,
        key_builder=DefaultKeyBuilder(prefix=f"{SERVICE_NAME}:fsm"),
        state_ttl=FSM_STATE_TTL_SECONDS,
        data_ttl=FSM_STATE_TTL_SECONDS,
    )


def build_idempotency_store(redis: Redis | None, settings: Settings) -> IdempotencyStore:
    """Claims of the consumed events, in Redis or, without Redis, in this process's memory.

    Redis keys are ``idempotency:<service name>:<event id>``, shared by every replica of the bot.
    """
    if redis is None:
        return MemoryIdempotencyStore(
            processing_ttl_seconds=settings.processing_ttl_seconds,
            done_ttl_seconds=settings.idempotency_ttl_seconds,
        )
    return RedisIdempotencyStore(
        redis,
        SERVICE_NAME,
        processing_ttl_seconds=settings.processing_ttl_seconds,
        done_ttl_seconds=settings.idempotency_ttl_seconds,
    )
