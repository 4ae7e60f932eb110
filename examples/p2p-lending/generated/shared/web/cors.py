"""CORS for the HTTP services: the browser origins allowed to call them come from ``CORS_ORIGINS``.

``CORS_ORIGINS`` is a comma-separated list (``https://app.example.com,https://admin.example.com``) or a JSON array;
empty or unset, no CORS header is ever sent and browsers keep their same-origin policy.
"""

import json
from typing import Annotated

from fastapi import FastAPI
from pydantic import BeforeValidator
from pydantic_settings import NoDecode
from starlette.middleware.cors import CORSMiddleware

CORS_ALLOWED_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]
CORS_ALLOWED_HEADERS = ["Authorization", "Content-Type", "X-API-Key", "X-Request-ID"]
CORS_MAX_AGE_SECONDS = 600


def parse_origins(value: object) -> object:
    """Read ``CORS_ORIGINS`` as a JSON array or a comma-separated list; any other value is left to validation."""
    if not isinstance(value, str):
        return value
    text = value.strip()
    if text.startswith("["):
        return json.loads(text)
    return [origin.strip() for origin in text.split(",") if origin.strip()]


CorsOrigins = Annotated[list[str], NoDecode, BeforeValidator(parse_origins)]
"""The type of a ``cors_origins`` setting: ``NoDecode`` lets ``parse_origins`` see the raw environment value."""


def add_cors(app: FastAPI, origins: list[str]) -> None:
    """Answer preflights and add ``Access-Control-*`` headers for ``origins``; nothing at all when it is empty.

    Call it after every other ``add_middleware``: the last one added is the outermost, so a preflight is answered
    before anything that would reject a request without credentials.
    """
    if not origins:
        return
    app.add_middleware(
        CORSMiddleware,
        allow_origins=origins,
        allow_methods=CORS_ALLOWED_METHODS,
        allow_headers=CORS_ALLOWED_HEADERS,
        expose_headers=["X-Request-ID"],
        max_age=CORS_MAX_AGE_SECONDS,
    )
