"""The ``/api/v1`` router: every entity router of the service, behind authentication, and the auth endpoints."""

from fastapi import APIRouter, Depends

from src.api.v1.auth_router import router as auth_router
from src.api.security import authenticate
from src.api.v1.borrower_router import (
    router as borrower_router,
)
from src.api.v1.lender_router import (
    router as lender_router,
)
from src.api.v1.loan_application_router import (
    router as loan_application_router,
)
from src.api.v1.investment_router import (
    router as investment_router,
)
from src.api.v1.repayment_router import (
    router as repayment_router,
)
from src.api.v1.credit_score_record_router import (
    router as credit_score_record_router,
)
from src.api.v1.audit_log_entry_router import (
    router as audit_log_entry_router,
)

api_router = APIRouter(prefix="/api/v1")
api_router.include_router(auth_router)
# Every entity route needs credentials (a bearer token or an X-API-Key); the auth routes above do not.
protected_router = APIRouter(dependencies=[Depends(authenticate)])
protected_router.include_router(borrower_router)
protected_router.include_router(lender_router)
protected_router.include_router(loan_application_router)
protected_router.include_router(investment_router)
protected_router.include_router(repayment_router)
protected_router.include_router(credit_score_record_router)
protected_router.include_router(audit_log_entry_router)
api_router.include_router(protected_router)
