"""Error-handler middleware: an unhandled exception becomes a 500 problem that reveals nothing of it."""

import logging

from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from shared.utils.problems import PROBLEM_JSON_MEDIA_TYPE, build_problem

logger = logging.getLogger(__name__)

INTERNAL_ERROR_DETAIL = "An unexpected error occurred. The error has been logged."


class ErrorHandlerMiddleware:
    """Logs the exception with its traceback and answers ``500`` as ``application/problem+json``."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        response_started = False

        async def send_tracking_start(message: Message) -> None:
            nonlocal response_started
            if message["type"] == "http.response.start":
                response_started = True
            await send(message)

        try:
            await self.app(scope, receive, send_tracking_start)
        except Exception:
            logger.exception("unhandled_error", extra={"method": scope["method"], "path": scope["path"]})
            if response_started:
                raise
            problem = build_problem(500, INTERNAL_ERROR_DETAIL, instance=scope["path"])
            response = JSONResponse(problem.to_body(), status_code=500, media_type=PROBLEM_JSON_MEDIA_TYPE)
            await response(scope, receive, send)
