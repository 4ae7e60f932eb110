"""The ``/api/v1`` router: every entity router of the service."""

from fastapi import APIRouter

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

api_router = APIRouter(prefix="/api/v1")
api_router.include_router(borrower_router)
api_router.include_router(lender_router)
api_router.include_router(loan_application_router)
api_router.include_router(investment_router)
api_router.include_router(repayment_router)
