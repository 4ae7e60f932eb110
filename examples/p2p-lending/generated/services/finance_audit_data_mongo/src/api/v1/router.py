"""The ``/api/v1`` router: every entity router of the service."""

from fastapi import APIRouter

from src.api.v1.credit_score_record_router import (
    router as credit_score_record_router,
)
from src.api.v1.audit_log_entry_router import (
    router as audit_log_entry_router,
)

api_router = APIRouter(prefix="/api/v1")
api_router.include_router(credit_score_record_router)
api_router.include_router(audit_log_entry_router)
