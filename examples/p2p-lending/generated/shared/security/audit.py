"""The audit log: security events as structured JSON log records of the ``audit`` logger.

A record names the event, the subject (``user:<name>`` or ``key:<fingerprint>``) and the request id; it never
holds a password, a token or an API key (:func:`audit` refuses fields named like one).
"""

import logging
from enum import StrEnum

from shared.utils.request_id import get_request_id

AUDIT_LOGGER_NAME = "audit"
_SECRET_FIELD_PARTS = ("password", "token", "secret", "api_key")

audit_logger = logging.getLogger(AUDIT_LOGGER_NAME)


class AuditEvent(StrEnum):
    """The security events the business API records."""

    LOGIN_SUCCEEDED = "login_succeeded"
    LOGIN_FAILED = "login_failed"
    TOKEN_REFRESHED = "token_refreshed"
    REFRESH_REUSE_DETECTED = "refresh_reuse_detected"
    LOGGED_OUT = "logged_out"
    AUTHENTICATION_FAILED = "authentication_failed"
    PERMISSION_DENIED = "permission_denied"
    RATE_LIMITED = "rate_limited"
    ACCOUNT_CREATED = "account_created"


_ROUTINE_EVENTS = {
    AuditEvent.LOGIN_SUCCEEDED,
    AuditEvent.TOKEN_REFRESHED,
    AuditEvent.LOGGED_OUT,
    AuditEvent.ACCOUNT_CREATED,
}
"""Logged at INFO; every other event (a refusal or a sign of attack) at WARNING."""


def audit(event: AuditEvent, subject: str | None, **fields: str | int) -> None:
    """Log ``event`` of ``subject`` (``-`` when unknown) with the current request id and ``fields``."""
    for name in fields:
        if any(part in name.lower() for part in _SECRET_FIELD_PARTS):
            raise ValueError(f"audit field {name!r} looks like a secret and is never logged")
    level = logging.INFO if event in _ROUTINE_EVENTS else logging.WARNING
    audit_logger.log(
        level,
        str(event),
        extra={
            "audit": True,
            "event": str(event),
            "subject": subject or "-",
            "request_id": get_request_id() or "-",
            **fields,
        },
    )
