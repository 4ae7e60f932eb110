"""HTTP endpoints of the borrower entity: ``/api/v1/borrowers``."""

# Implements: FR-001
from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Depends, Query, status

from shared.contracts.loan_application import (
    LoanApplicationPublic,
)
from shared.contracts.pagination import DEFAULT_PAGE_LIMIT, MAX_PAGE_LIMIT, Page
from shared.contracts.borrower import (
    BorrowerCreate,
    BorrowerFilter,
    BorrowerPublic,
    BorrowerUpdate,
)
from src.api.dependencies import EventPublisherDep, HttpClientsDep
from src.api.security import DELETE_ROLE, READ_ROLE, WRITE_ROLE, require_role
from src.application.use_cases.borrower_use_cases import (
    BorrowerUseCases,
)
from src.domain.rules import RuleContext
from src.infrastructure.http_clients.borrower_client import (
    DATA_SERVICE_NAME,
    BorrowerClient,
)

router = APIRouter(
    prefix="/borrowers",
    tags=["borrowers"],
)

LimitQuery = Annotated[int, Query(ge=1, le=MAX_PAGE_LIMIT, description="Maximum number of items to return.")]
OffsetQuery = Annotated[int, Query(ge=0, description="Number of items to skip.")]
SortQuery = Annotated[str, Query(description="Sort key, prefixed with '-' for descending order.")]

# The roles of the routes (src/api/security.py): reading, creating and changing, deleting.
CAN_READ = [Depends(require_role(READ_ROLE))]
CAN_WRITE = [Depends(require_role(WRITE_ROLE))]
CAN_DELETE = [Depends(require_role(DELETE_ROLE))]


def get_borrower_use_cases(
    http_clients: HttpClientsDep,
    publisher: EventPublisherDep,
) -> BorrowerUseCases:
    """Use cases bound to the client of the data service that owns borrowers, the rules' context and the
    publisher.
    """
    return BorrowerUseCases(
        BorrowerClient(http_clients[DATA_SERVICE_NAME]),
        RuleContext.from_http_clients(http_clients),
        publisher,
    )


UseCasesDep = Annotated[
    BorrowerUseCases,
    Depends(get_borrower_use_cases),
]


@router.post("", status_code=status.HTTP_201_CREATED, dependencies=CAN_WRITE)
async def create_borrower(
    payload: BorrowerCreate,
    use_cases: UseCasesDep,
) -> BorrowerPublic:
    """Create one borrower."""
    return await use_cases.create_borrower(payload)


@router.get("", dependencies=CAN_READ)
async def list_borrowers(
    use_cases: UseCasesDep,
    filters: Annotated[BorrowerFilter, Depends()],
    limit: LimitQuery = DEFAULT_PAGE_LIMIT,
    offset: OffsetQuery = 0,
    sort: SortQuery = "created_at",
) -> Page[BorrowerPublic]:
    """List the borrowers equal to the given filters, one page at a time."""
    return await use_cases.list_borrowers(
        filters,
        sort=sort,
        limit=limit,
        offset=offset,
    )


@router.get("/{borrower_id}", dependencies=CAN_READ)
async def get_borrower(
    borrower_id: UUID,
    use_cases: UseCasesDep,
) -> BorrowerPublic:
    """Get one borrower."""
    return await use_cases.get_borrower(borrower_id)


@router.patch("/{borrower_id}", dependencies=CAN_WRITE)
async def update_borrower(
    borrower_id: UUID,
    payload: BorrowerUpdate,
    use_cases: UseCasesDep,
) -> BorrowerPublic:
    """Change the fields of one borrower that the payload sets."""
    return await use_cases.update_borrower(
        borrower_id,
        payload,
    )


@router.delete(
    "/{borrower_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    dependencies=CAN_DELETE,
)
async def delete_borrower(
    borrower_id: UUID,
    use_cases: UseCasesDep,
) -> None:
    """Delete one borrower."""
    await use_cases.delete_borrower(borrower_id)


@router.get(
    "/{borrower_id}/loan-applications",
    dependencies=CAN_READ,
)
async def list_borrower_loan_applications(
    borrower_id: UUID,
    use_cases: UseCasesDep,
    limit: LimitQuery = DEFAULT_PAGE_LIMIT,
    offset: OffsetQuery = 0,
) -> Page[LoanApplicationPublic]:
    """List the loan_applications of one borrower, oldest first."""
    return await use_cases.list_borrower_loan_applications(
        borrower_id,
        limit=limit,
        offset=offset,
    )
