"""HTTP endpoints of the investment entity: ``/api/v1/investments``."""

# Implements: FR-004
from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Depends, Query, status

from shared.contracts.pagination import DEFAULT_PAGE_LIMIT, MAX_PAGE_LIMIT, Page
from shared.contracts.investment import (
    InvestmentCreate,
    InvestmentFilter,
    InvestmentPublic,
    InvestmentUpdate,
)
from src.api.dependencies import HttpClientsDep
from src.api.security import DELETE_ROLE, READ_ROLE, WRITE_ROLE, require_role
from src.application.use_cases.investment_use_cases import (
    InvestmentUseCases,
)
from src.domain.rules import RuleContext
from src.infrastructure.http_clients.investment_client import (
    DATA_SERVICE_NAME,
    InvestmentClient,
)

router = APIRouter(
    prefix="/investments",
    tags=["investments"],
)

LimitQuery = Annotated[int, Query(ge=1, le=MAX_PAGE_LIMIT, description="Maximum number of items to return.")]
OffsetQuery = Annotated[int, Query(ge=0, description="Number of items to skip.")]
SortQuery = Annotated[str, Query(description="Sort key, prefixed with '-' for descending order.")]

# The roles of the routes (src/api/security.py): reading, creating and changing, deleting.
CAN_READ = [Depends(require_role(READ_ROLE))]
CAN_WRITE = [Depends(require_role(WRITE_ROLE))]
CAN_DELETE = [Depends(require_role(DELETE_ROLE))]


def get_investment_use_cases(
    http_clients: HttpClientsDep,
) -> InvestmentUseCases:
    """Use cases bound to the client of the data service that owns investments, and the rules' context."""
    return InvestmentUseCases(
        InvestmentClient(http_clients[DATA_SERVICE_NAME]),
        RuleContext.from_http_clients(http_clients),
    )


UseCasesDep = Annotated[
    InvestmentUseCases,
    Depends(get_investment_use_cases),
]


@router.post("", status_code=status.HTTP_201_CREATED, dependencies=CAN_WRITE)
async def create_investment(
    payload: InvestmentCreate,
    use_cases: UseCasesDep,
) -> InvestmentPublic:
    """Create one investment."""
    return await use_cases.create_investment(payload)


@router.get("", dependencies=CAN_READ)
async def list_investments(
    use_cases: UseCasesDep,
    filters: Annotated[InvestmentFilter, Depends()],
    limit: LimitQuery = DEFAULT_PAGE_LIMIT,
    offset: OffsetQuery = 0,
    sort: SortQuery = "created_at",
) -> Page[InvestmentPublic]:
    """List the investments equal to the given filters, one page at a time."""
    return await use_cases.list_investments(
        filters,
        sort=sort,
        limit=limit,
        offset=offset,
    )


@router.get("/{investment_id}", dependencies=CAN_READ)
async def get_investment(
    investment_id: UUID,
    use_cases: UseCasesDep,
) -> InvestmentPublic:
    """Get one investment."""
    return await use_cases.get_investment(investment_id)


@router.patch("/{investment_id}", dependencies=CAN_WRITE)
async def update_investment(
    investment_id: UUID,
    payload: InvestmentUpdate,
    use_cases: UseCasesDep,
) -> InvestmentPublic:
    """Change the fields of one investment that the payload sets."""
    return await use_cases.update_investment(
        investment_id,
        payload,
    )


@router.delete(
    "/{investment_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    dependencies=CAN_DELETE,
)
async def delete_investment(
    investment_id: UUID,
    use_cases: UseCasesDep,
) -> None:
    """Delete one investment."""
    await use_cases.delete_investment(investment_id)
