"""The bot's HTTP server: ``/health``, ``/ready``, ``/metrics`` and, in webhook mode, the endpoint Telegram posts updates to."""

import logging
from collections.abc import Awaitable, Callable, Mapping
from urllib.parse import urlsplit

from aiogram import Bot, Dispatcher
from aiogram.webhook.aiohttp_server import SimpleRequestHandler, setup_application
from aiohttp import web
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from shared.utils.problems import PROBLEM_JSON_MEDIA_TYPE, build_problem
from src.core.config import Settings

logger = logging.getLogger(__name__)

ReadinessCheck = Callable[[], Awaitable[bool]]
"""Answers whether one dependency can serve: the business API, Redis, RabbitMQ."""

DEFAULT_WEBHOOK_PATH = "/webhook"


def webhook_path(settings: Settings) -> str:
    """The path of ``BOT_WEBHOOK_URL``: Telegram posts to it (a reverse proxy keeps it)."""
    path = urlsplit(settings.bot_webhook_url or "").path
    return path if path not in ("", "/") else DEFAULT_WEBHOOK_PATH


async def health(request: web.Request) -> web.Response:
    """The process is up."""
    return web.json_response({"status": "ok"})


async def _is_ready(name: str, check: ReadinessCheck) -> bool:
    try:
        return await check()
    except Exception as error:
        logger.warning("readiness_check_failed", extra={"dependency": name, "error": repr(error)})
        return False


def readiness_handler(checks: Mapping[str, ReadinessCheck]) -> Callable[[web.Request], Awaitable[web.Response]]:
    """``/ready``: 200 when every check passes, else a 503 problem naming the dependencies that are down."""

    async def ready(request: web.Request) -> web.Response:
        down = [name for name, check in checks.items() if not await _is_ready(name, check)]
        if not down:
            return web.json_response({"status": "ready"})
        problem = build_problem(503, f"Not reachable: {', '.join(sorted(down))}.", instance=request.path)
        return web.json_response(problem.to_body(), status=503, content_type=PROBLEM_JSON_MEDIA_TYPE)

    return ready


async def metrics(request: web.Request) -> web.Response:
    """Prometheus metrics of the process."""
    response = web.Response(body=generate_latest())
    response.headers["Content-Type"] = CONTENT_TYPE_LATEST
    return response


def build_web_app(
    settings: Settings,
    dispatcher: Dispatcher,
    bot: Bot,
    checks: Mapping[str, ReadinessCheck],
) -> web.Application:
    """The aiohttp application; in webhook mode it also runs the dispatcher's startup and shutdown."""
    app = web.Application()
    app.router.add_get("/health", health)
    app.router.add_get("/ready", readiness_handler(checks))
    app.router.add_get("/metrics", metrics)
    if settings.is_webhook:
        handler = SimpleRequestHandler(dispatcher, bot, secret_token=settings.bot_webhook_secret)
        handler.register(app, path=webhook_path(settings))
        setup_application(app, dispatcher, bot=bot)
    return app
