"""HTTP endpoints of the repayment entity: ``/api/v1/repayments``."""

# Implements: FR-005
from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Depends, Query, status

from shared.contracts.pagination import DEFAULT_PAGE_LIMIT, MAX_PAGE_LIMIT, Page
from shared.contracts.repayment import (
    RepaymentCreate,
    RepaymentFilter,
    RepaymentPublic,
    RepaymentUpdate,
)
from src.api.dependencies import EventPublisherDep, HttpClientsDep
from src.api.security import DELETE_ROLE, READ_ROLE, WRITE_ROLE, require_role
from src.application.use_cases.repayment_use_cases import (
    RepaymentUseCases,
)
from src.domain.rules import RuleContext
from src.infrastructure.http_clients.repayment_client import (
    DATA_SERVICE_NAME,
    RepaymentClient,
)

router = APIRouter(
    prefix="/repayments",
    tags=["repayments"],
)

LimitQuery = Annotated[int, Query(ge=1, le=MAX_PAGE_LIMIT, description="Maximum number of items to return.")]
OffsetQuery = Annotated[int, Query(ge=0, description="Number of items to skip.")]
SortQuery = Annotated[str, Query(description="Sort key, prefixed with '-' for descending order.")]

# The roles of the routes (src/api/security.py): reading, creating and changing, deleting.
CAN_READ = [Depends(require_role(READ_ROLE))]
CAN_WRITE = [Depends(require_role(WRITE_ROLE))]
CAN_DELETE = [Depends(require_role(DELETE_ROLE))]


def get_repayment_use_cases(
    http_clients: HttpClientsDep,
    publisher: EventPublisherDep,
) -> RepaymentUseCases:
    """Use cases bound to the client of the data service that owns repayments, the rules' context and the
    publisher.
    """
    return RepaymentUseCases(
        RepaymentClient(http_clients[DATA_SERVICE_NAME]),
        RuleContext.from_http_clients(http_clients),
        publisher,
    )


UseCasesDep = Annotated[
    RepaymentUseCases,
    Depends(get_repayment_use_cases),
]


@router.post("", status_code=status.HTTP_201_CREATED, dependencies=CAN_WRITE)
async def create_repayment(
    payload: RepaymentCreate,
    use_cases: UseCasesDep,
) -> RepaymentPublic:
    """Create one repayment."""
    return await use_cases.create_repayment(payload)


@router.get("", dependencies=CAN_READ)
async def list_repayments(
    use_cases: UseCasesDep,
    filters: Annotated[RepaymentFilter, Depends()],
    limit: LimitQuery = DEFAULT_PAGE_LIMIT,
    offset: OffsetQuery = 0,
    sort: SortQuery = "created_at",
) -> Page[RepaymentPublic]:
    """List the repayments equal to the given filters, one page at a time."""
    return await use_cases.list_repayments(
        filters,
        sort=sort,
        limit=limit,
        offset=offset,
    )


@router.get("/{repayment_id}", dependencies=CAN_READ)
async def get_repayment(
    repayment_id: UUID,
    use_cases: UseCasesDep,
) -> RepaymentPublic:
    """Get one repayment."""
    return await use_cases.get_repayment(repayment_id)


@router.patch("/{repayment_id}", dependencies=CAN_WRITE)
async def update_repayment(
    repayment_id: UUID,
    payload: RepaymentUpdate,
    use_cases: UseCasesDep,
) -> RepaymentPublic:
    """Change the fields of one repayment that the payload sets."""
    return await use_cases.update_repayment(
        repayment_id,
        payload,
    )


@router.delete(
    "/{repayment_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    dependencies=CAN_DELETE,
)
async def delete_repayment(
    repayment_id: UUID,
    use_cases: UseCasesDep,
) -> None:
    """Delete one repayment."""
    await use_cases.delete_repayment(repayment_id)
