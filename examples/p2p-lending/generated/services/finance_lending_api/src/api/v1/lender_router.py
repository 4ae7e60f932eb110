"""HTTP endpoints of the lender entity: ``/api/v1/lenders``."""

# Implements: FR-002
from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Depends, Query, status

from shared.contracts.investment import (
    InvestmentPublic,
)
from shared.contracts.pagination import DEFAULT_PAGE_LIMIT, MAX_PAGE_LIMIT, Page
from shared.contracts.lender import (
    LenderCreate,
    LenderFilter,
    LenderPublic,
    LenderUpdate,
)
from src.api.dependencies import HttpClientsDep
from src.api.security import DELETE_ROLE, READ_ROLE, WRITE_ROLE, require_role
from src.application.use_cases.lender_use_cases import (
    LenderUseCases,
)
from src.domain.rules import RuleContext
from src.infrastructure.http_clients.lender_client import (
    DATA_SERVICE_NAME,
    LenderClient,
)

router = APIRouter(
    prefix="/lenders",
    tags=["lenders"],
)

LimitQuery = Annotated[int, Query(ge=1, le=MAX_PAGE_LIMIT, description="Maximum number of items to return.")]
OffsetQuery = Annotated[int, Query(ge=0, description="Number of items to skip.")]
SortQuery = Annotated[str, Query(description="Sort key, prefixed with '-' for descending order.")]

# The roles of the routes (src/api/security.py): reading, creating and changing, deleting.
CAN_READ = [Depends(require_role(READ_ROLE))]
CAN_WRITE = [Depends(require_role(WRITE_ROLE))]
CAN_DELETE = [Depends(require_role(DELETE_ROLE))]


def get_lender_use_cases(
    http_clients: HttpClientsDep,
) -> LenderUseCases:
    """Use cases bound to the client of the data service that owns lenders, and the rules' context."""
    return LenderUseCases(
        LenderClient(http_clients[DATA_SERVICE_NAME]),
        RuleContext.from_http_clients(http_clients),
    )


UseCasesDep = Annotated[
    LenderUseCases,
    Depends(get_lender_use_cases),
]


@router.post("", status_code=status.HTTP_201_CREATED, dependencies=CAN_WRITE)
async def create_lender(
    payload: LenderCreate,
    use_cases: UseCasesDep,
) -> LenderPublic:
    """Create one lender."""
    return await use_cases.create_lender(payload)


@router.get("", dependencies=CAN_READ)
async def list_lenders(
    use_cases: UseCasesDep,
    filters: Annotated[LenderFilter, Depends()],
    limit: LimitQuery = DEFAULT_PAGE_LIMIT,
    offset: OffsetQuery = 0,
    sort: SortQuery = "created_at",
) -> Page[LenderPublic]:
    """List the lenders equal to the given filters, one page at a time."""
    return await use_cases.list_lenders(
        filters,
        sort=sort,
        limit=limit,
        offset=offset,
    )


@router.get("/{lender_id}", dependencies=CAN_READ)
async def get_lender(
    lender_id: UUID,
    use_cases: UseCasesDep,
) -> LenderPublic:
    """Get one lender."""
    return await use_cases.get_lender(lender_id)


@router.patch("/{lender_id}", dependencies=CAN_WRITE)
async def update_lender(
    lender_id: UUID,
    payload: LenderUpdate,
    use_cases: UseCasesDep,
) -> LenderPublic:
    """Change the fields of one lender that the payload sets."""
    return await use_cases.update_lender(
        lender_id,
        payload,
    )


@router.delete(
    "/{lender_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    dependencies=CAN_DELETE,
)
async def delete_lender(
    lender_id: UUID,
    use_cases: UseCasesDep,
) -> None:
    """Delete one lender."""
    await use_cases.delete_lender(lender_id)


@router.get(
    "/{lender_id}/investments",
    dependencies=CAN_READ,
)
async def list_lender_investments(
    lender_id: UUID,
    use_cases: UseCasesDep,
    limit: LimitQuery = DEFAULT_PAGE_LIMIT,
    offset: OffsetQuery = 0,
) -> Page[InvestmentPublic]:
    """List the investments of one lender, oldest first."""
    return await use_cases.list_lender_investments(
        lender_id,
        limit=limit,
        offset=offset,
    )
