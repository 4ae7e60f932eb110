"""The bot's Prometheus metrics."""

from typing import Any

import pytest
from aiogram.types import TelegramObject
from prometheus_client import REGISTRY

from src.bot.metrics import metrics_middleware
from tests.telegram import message_update


def _value(name: str, labels: dict[str, str] | None = None) -> float:
    return REGISTRY.get_sample_value(name, labels or {}) or 0.0


async def test_handled_updates_are_counted_and_timed() -> None:
    handled, timed = _value("bot_updates_total", {"outcome": "handled"}), _value("bot_update_duration_seconds_count")

    async def handler(event: TelegramObject, data: dict[str, Any]) -> str:
        return "ok"

    assert await metrics_middleware(handler, message_update(1, "/help"), {}) == "ok"
    assert _value("bot_updates_total", {"outcome": "handled"}) == handled + 1
    assert _value("bot_update_duration_seconds_count") == timed + 1


async def test_failed_updates_are_counted() -> None:
    failed = _value("bot_updates_total", {"outcome": "failed"})

    async def handler(event: TelegramObject, data: dict[str, Any]) -> str:
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError, match="boom"):
        await metrics_middleware(handler, message_update(1, "/help"), {})
    assert _value("bot_updates_total", {"outcome": "failed"}) == failed + 1
