"""Exception handlers: every error leaves the service as ``application/problem+json`` (RFC 9457)."""

import logging
from collections.abc import Awaitable, Callable
from typing import Any

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from shared.utils.problems import PROBLEM_JSON_MEDIA_TYPE, build_problem
from src.domain.errors import ConflictError, DomainError, InvalidRequestError, NotFoundError

logger = logging.getLogger(__name__)

_STATUS_BY_ERROR: dict[type[DomainError], int] = {
    NotFoundError: 404,
    ConflictError: 409,
    InvalidRequestError: 422,
}


def problem_response(
    status: int,
    detail: str | None,
    request: Request,
    errors: list[dict[str, Any]] | None = None,
) -> JSONResponse:
    """A problem+json response for ``request``."""
    problem = build_problem(status, detail, instance=request.url.path, errors=errors)
    return JSONResponse(problem.to_body(), status_code=status, media_type=PROBLEM_JSON_MEDIA_TYPE)


def domain_error_handler(status: int) -> Callable[[Request, Exception], Awaitable[JSONResponse]]:
    """Handler answering ``status`` with the error's message, which domain errors keep safe to show."""

    async def handle_domain_error(request: Request, error: Exception) -> JSONResponse:
        logger.info("request_failed", extra={"status": status, "detail": str(error), "path": request.url.path})
        return problem_response(status, str(error), request)

    return handle_domain_error


async def handle_validation_error(request: Request, error: Exception) -> JSONResponse:
    """Invalid path, query or body values."""
    errors = jsonable_encoder(error.errors()) if isinstance(error, RequestValidationError) else []
    return problem_response(422, "The request is not valid.", request, errors)


async def handle_http_error(request: Request, error: Exception) -> JSONResponse:
    """Errors raised by the framework itself (unknown route, method not allowed)."""
    status = error.status_code if isinstance(error, HTTPException) else 500
    detail = error.detail if isinstance(error, HTTPException) else None
    response = problem_response(status, detail, request)
    if isinstance(error, HTTPException) and error.headers:
        response.headers.update(error.headers)
    return response


def register_problem_handlers(app: FastAPI) -> None:
    """Install the handlers that turn errors into problem responses."""
    for error_type, status in _STATUS_BY_ERROR.items():
        app.add_exception_handler(error_type, domain_error_handler(status))
    app.add_exception_handler(RequestValidationError, handle_validation_error)
    app.add_exception_handler(HTTPException, handle_http_error)
