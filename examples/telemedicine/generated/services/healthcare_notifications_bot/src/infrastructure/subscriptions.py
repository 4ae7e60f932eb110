"""The chats that asked for notifications (``/start``): a Redis set, or a set in memory without Redis."""

from typing import Protocol

from redis.asyncio import Redis

from src.core.config import SERVICE_NAME

SUBSCRIPTIONS_KEY = f"{SERVICE_NAME}:subscriptions:chats"


class ChatSubscriptions(Protocol):
    """Where subscribed chat ids are kept."""

    async def add(self, chat_id: int) -> bool:
        """Subscribe a chat; ``False`` when it already was."""
        ...

    async def remove(self, chat_id: int) -> None:
        """Unsubscribe a chat (nothing happens when it was not subscribed)."""
        ...

    async def chat_ids(self) -> list[int]:
        """Every subscribed chat, in ascending order."""
        ...


class MemoryChatSubscriptions:
    """Subscriptions of this process only: lost on restart, for development and tests."""

    def __init__(self) -> None:
        self._chat_ids: set[int] = set()

    async def add(self, chat_id: int) -> bool:
        """Subscribe a chat; ``False`` when it already was."""
        is_new = chat_id not in self._chat_ids
        self._chat_ids.add(chat_id)
        return is_new

    async def remove(self, chat_id: int) -> None:
        """Unsubscribe a chat."""
        self._chat_ids.discard(chat_id)

    async def chat_ids(self) -> list[int]:
        """Every subscribed chat, in ascending order."""
        return sorted(self._chat_ids)


class RedisChatSubscriptions:
    """Subscriptions in a Redis set, shared by every replica of the bot."""

    def __init__(self, redis: Redis, key: str = SUBSCRIPTIONS_KEY) -> None:
        self._redis = redis
        self._key = key

    async def add(self, chat_id: int) -> bool:
        """Subscribe a chat; ``False`` when it already was."""
        added = await self._redis.sadd(self._key, str(chat_id))
        return added == 1

    async def remove(self, chat_id: int) -> None:
        """Unsubscribe a chat."""
        await self._redis.srem(self._key, str(chat_id))

    async def chat_ids(self) -> list[int]:
        """Every subscribed chat, in ascending order."""
        members = await self._redis.smembers(self._key)
        return sorted(int(member) for member in members)
