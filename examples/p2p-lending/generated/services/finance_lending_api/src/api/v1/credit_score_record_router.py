"""HTTP endpoints of the credit score record entity: ``/api/v1/credit-score-records``."""

# Implements: FR-006
from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Depends, Query, status

from shared.contracts.pagination import DEFAULT_PAGE_LIMIT, MAX_PAGE_LIMIT, Page
from shared.contracts.credit_score_record import (
    CreditScoreRecordCreate,
    CreditScoreRecordFilter,
    CreditScoreRecordPublic,
    CreditScoreRecordUpdate,
)
from src.api.dependencies import HttpClientsDep
from src.api.security import DELETE_ROLE, READ_ROLE, WRITE_ROLE, require_role
from src.application.use_cases.credit_score_record_use_cases import (
    CreditScoreRecordUseCases,
)
from src.domain.rules import RuleContext
from src.infrastructure.http_clients.credit_score_record_client import (
    DATA_SERVICE_NAME,
    CreditScoreRecordClient,
)

router = APIRouter(
    prefix="/credit-score-records",
    tags=["credit score records"],
)

LimitQuery = Annotated[int, Query(ge=1, le=MAX_PAGE_LIMIT, description="Maximum number of items to return.")]
OffsetQuery = Annotated[int, Query(ge=0, description="Number of items to skip.")]
SortQuery = Annotated[str, Query(description="Sort key, prefixed with '-' for descending order.")]

# The roles of the routes (src/api/security.py): reading, creating and changing, deleting.
CAN_READ = [Depends(require_role(READ_ROLE))]
CAN_WRITE = [Depends(require_role(WRITE_ROLE))]
CAN_DELETE = [Depends(require_role(DELETE_ROLE))]


def get_credit_score_record_use_cases(
    http_clients: HttpClientsDep,
) -> CreditScoreRecordUseCases:
    """Use cases bound to the client of the data service that owns credit score records, and the rules' context."""
    return CreditScoreRecordUseCases(
        CreditScoreRecordClient(http_clients[DATA_SERVICE_NAME]),
        RuleContext.from_http_clients(http_clients),
    )


UseCasesDep = Annotated[
    CreditScoreRecordUseCases,
    Depends(get_credit_score_record_use_cases),
]


@router.post("", status_code=status.HTTP_201_CREATED, dependencies=CAN_WRITE)
async def create_credit_score_record(
    payload: CreditScoreRecordCreate,
    use_cases: UseCasesDep,
) -> CreditScoreRecordPublic:
    """Create one credit score record."""
    return await use_cases.create_credit_score_record(payload)


@router.get("", dependencies=CAN_READ)
async def list_credit_score_records(
    use_cases: UseCasesDep,
    filters: Annotated[CreditScoreRecordFilter, Depends()],
    limit: LimitQuery = DEFAULT_PAGE_LIMIT,
    offset: OffsetQuery = 0,
    sort: SortQuery = "created_at",
) -> Page[CreditScoreRecordPublic]:
    """List the credit score records equal to the given filters, one page at a time."""
    return await use_cases.list_credit_score_records(
        filters,
        sort=sort,
        limit=limit,
        offset=offset,
    )


@router.get("/{credit_score_record_id}", dependencies=CAN_READ)
async def get_credit_score_record(
    credit_score_record_id: UUID,
    use_cases: UseCasesDep,
) -> CreditScoreRecordPublic:
    """Get one credit score record."""
    return await use_cases.get_credit_score_record(credit_score_record_id)


@router.patch("/{credit_score_record_id}", dependencies=CAN_WRITE)
async def update_credit_score_record(
    credit_score_record_id: UUID,
    payload: CreditScoreRecordUpdate,
    use_cases: UseCasesDep,
) -> CreditScoreRecordPublic:
    """Change the fields of one credit score record that the payload sets."""
    return await use_cases.update_credit_score_record(
        credit_score_record_id,
        payload,
    )


@router.delete(
    "/{credit_score_record_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    dependencies=CAN_DELETE,
)
async def delete_credit_score_record(
    credit_score_record_id: UUID,
    use_cases: UseCasesDep,
) -> None:
    """Delete one credit score record."""
    await use_cases.delete_credit_score_record(credit_score_record_id)
