"""JSON logging: one JSON object a line on standard output, for every logger of the process."""

import logging
import sys
from typing import TextIO

from pythonjsonlogger.json import JsonFormatter

from shared.observability.tracing import TraceContextFilter
from shared.utils.request_id import get_request_id

LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s %(message)s"
_FRAMEWORK_LOGGERS = ("uvicorn", "uvicorn.error", "uvicorn.access")


class RequestIdFilter(logging.Filter):
    """Adds the current request id (``-`` outside a request) to every record."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.__dict__["request_id"] = get_request_id() or "-"
        return True


def build_json_formatter(service_name: str) -> JsonFormatter:
    """Formatter writing each record as JSON with a timestamp, level, logger, message and service."""
    return JsonFormatter(
        LOG_FORMAT,
        rename_fields={"asctime": "timestamp", "levelname": "level", "name": "logger"},
        static_fields={"service": service_name},
    )


def build_handler(service_name: str, stream: TextIO | None = None) -> logging.Handler:
    """Handler writing JSON lines to ``stream`` (standard output by default)."""
    handler = logging.StreamHandler(stream if stream is not None else sys.stdout)
    handler.setFormatter(build_json_formatter(service_name))
    handler.addFilter(RequestIdFilter())
    handler.addFilter(TraceContextFilter())
    return handler


def configure_logging(service_name: str, level: str = "INFO") -> None:
    """Route every log record of the process, uvicorn's included, to one JSON handler."""
    root = logging.getLogger()
    root.handlers = [build_handler(service_name)]
    root.setLevel(level.upper())
    for name in _FRAMEWORK_LOGGERS:
        framework_logger = logging.getLogger(name)
        framework_logger.handlers = []
        framework_logger.propagate = True
