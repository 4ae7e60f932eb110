"""HTTP endpoints of the loan application entity: ``/api/v1/loan-applications``."""

# Implements: FR-003
from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Depends, Query, status

from shared.contracts.investment import (
    InvestmentPublic,
)
from shared.contracts.repayment import (
    RepaymentPublic,
)
from shared.contracts.pagination import DEFAULT_PAGE_LIMIT, MAX_PAGE_LIMIT, Page
from shared.contracts.loan_application import (
    LoanApplicationCreate,
    LoanApplicationFilter,
    LoanApplicationPublic,
    LoanApplicationUpdate,
)
from src.api.dependencies import EventPublisherDep, HttpClientsDep
from src.api.security import DELETE_ROLE, READ_ROLE, WRITE_ROLE, require_role
from src.application.use_cases.loan_application_use_cases import (
    LoanApplicationUseCases,
)
from src.domain.rules import RuleContext
from src.infrastructure.http_clients.loan_application_client import (
    DATA_SERVICE_NAME,
    LoanApplicationClient,
)

router = APIRouter(
    prefix="/loan-applications",
    tags=["loan applications"],
)

LimitQuery = Annotated[int, Query(ge=1, le=MAX_PAGE_LIMIT, description="Maximum number of items to return.")]
OffsetQuery = Annotated[int, Query(ge=0, description="Number of items to skip.")]
SortQuery = Annotated[str, Query(description="Sort key, prefixed with '-' for descending order.")]

# The roles of the routes (src/api/security.py): reading, creating and changing, deleting.
CAN_READ = [Depends(require_role(READ_ROLE))]
CAN_WRITE = [Depends(require_role(WRITE_ROLE))]
CAN_DELETE = [Depends(require_role(DELETE_ROLE))]


def get_loan_application_use_cases(
    http_clients: HttpClientsDep,
    publisher: EventPublisherDep,
) -> LoanApplicationUseCases:
    """Use cases bound to the client of the data service that owns loan applications, the rules' context and the
    publisher.
    """
    return LoanApplicationUseCases(
        LoanApplicationClient(http_clients[DATA_SERVICE_NAME]),
        RuleContext.from_http_clients(http_clients),
        publisher,
    )


UseCasesDep = Annotated[
    LoanApplicationUseCases,
    Depends(get_loan_application_use_cases),
]


@router.post("", status_code=status.HTTP_201_CREATED, dependencies=CAN_WRITE)
async def create_loan_application(
    payload: LoanApplicationCreate,
    use_cases: UseCasesDep,
) -> LoanApplicationPublic:
    """Create one loan application."""
    return await use_cases.create_loan_application(payload)


@router.get("", dependencies=CAN_READ)
async def list_loan_applications(
    use_cases: UseCasesDep,
    filters: Annotated[LoanApplicationFilter, Depends()],
    limit: LimitQuery = DEFAULT_PAGE_LIMIT,
    offset: OffsetQuery = 0,
    sort: SortQuery = "created_at",
) -> Page[LoanApplicationPublic]:
    """List the loan applications equal to the given filters, one page at a time."""
    return await use_cases.list_loan_applications(
        filters,
        sort=sort,
        limit=limit,
        offset=offset,
    )


@router.get("/{loan_application_id}", dependencies=CAN_READ)
async def get_loan_application(
    loan_application_id: UUID,
    use_cases: UseCasesDep,
) -> LoanApplicationPublic:
    """Get one loan application."""
    return await use_cases.get_loan_application(loan_application_id)


@router.patch("/{loan_application_id}", dependencies=CAN_WRITE)
async def update_loan_application(
    loan_application_id: UUID,
    payload: LoanApplicationUpdate,
    use_cases: UseCasesDep,
) -> LoanApplicationPublic:
    """Change the fields of one loan application that the payload sets."""
    return await use_cases.update_loan_application(
        loan_application_id,
        payload,
    )


@router.delete(
    "/{loan_application_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    dependencies=CAN_DELETE,
)
async def delete_loan_application(
    loan_application_id: UUID,
    use_cases: UseCasesDep,
) -> None:
    """Delete one loan application."""
    await use_cases.delete_loan_application(loan_application_id)


@router.get(
    "/{loan_application_id}/investments",
    dependencies=CAN_READ,
)
async def list_loan_application_investments(
    loan_application_id: UUID,
    use_cases: UseCasesDep,
    limit: LimitQuery = DEFAULT_PAGE_LIMIT,
    offset: OffsetQuery = 0,
) -> Page[InvestmentPublic]:
    """List the investments of one loan application, oldest first."""
    return await use_cases.list_loan_application_investments(
        loan_application_id,
        limit=limit,
        offset=offset,
    )


@router.get(
    "/{loan_application_id}/repayments",
    dependencies=CAN_READ,
)
async def list_loan_application_repayments(
    loan_application_id: UUID,
    use_cases: UseCasesDep,
    limit: LimitQuery = DEFAULT_PAGE_LIMIT,
    offset: OffsetQuery = 0,
) -> Page[RepaymentPublic]:
    """List the repayments of one loan application, oldest first."""
    return await use_cases.list_loan_application_repayments(
        loan_application_id,
        limit=limit,
        offset=offset,
    )
