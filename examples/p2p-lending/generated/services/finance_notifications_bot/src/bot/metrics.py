"""Prometheus metrics of the bot, served at ``/metrics``: updates handled, their duration, notifications sent."""

import time
from collections.abc import Awaitable, Callable
from typing import Any

from aiogram.types import TelegramObject
from prometheus_client import Counter, Histogram

UPDATES = Counter("bot_updates_total", "Telegram updates handled, by outcome (handled or failed).", ["outcome"])
UPDATE_SECONDS = Histogram("bot_update_duration_seconds", "Time spent handling one Telegram update.")
NOTIFICATIONS = Counter("bot_notifications_total", "Notification messages sent to chats, by event.", ["event"])


async def metrics_middleware(
    handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
    event: TelegramObject,
    data: dict[str, Any],
) -> Any:
    """Count every update and time its handling; an update whose handler raised counts as failed."""
    started = time.perf_counter()
    try:
        result = await handler(event, data)
    except Exception:
        UPDATES.labels(outcome="failed").inc()
        raise
    finally:
        UPDATE_SECONDS.observe(time.perf_counter() - started)
    UPDATES.labels(outcome="handled").inc()
    return result
