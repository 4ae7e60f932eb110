"""HTTP endpoints of the credit score record entity: ``/api/v1/credit-score-records``."""

# Implements: FR-006
from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Depends, Query, status

from shared.contracts.pagination import DEFAULT_PAGE_LIMIT, MAX_PAGE_LIMIT, Page
from shared.contracts.credit_score_record import (
    CREDIT_SCORE_RECORD_SORT_KEYS,
    CreditScoreRecordCreate,
    CreditScoreRecordFilter,
    CreditScoreRecordPublic,
    CreditScoreRecordUpdate,
)
from src.api.dependencies import RepositoriesDep
from src.api.v1.schemas import AggregateRequest, AggregateResult
from src.domain.aggregation import validate_pipeline
from src.domain.sorting import DEFAULT_SORT, parse_sort

router = APIRouter(
    prefix="/credit-score-records",
    tags=["credit score records"],
)

LimitQuery = Annotated[int, Query(ge=1, le=MAX_PAGE_LIMIT, description="Maximum number of items to return.")]
OffsetQuery = Annotated[int, Query(ge=0, description="Number of items to skip.")]
SortQuery = Annotated[str, Query(description="Sort key, prefixed with '-' for descending order.")]


@router.post("", status_code=status.HTTP_201_CREATED)
async def create_credit_score_record(
    payload: CreditScoreRecordCreate,
    repositories: RepositoriesDep,
) -> CreditScoreRecordPublic:
    """Create one credit score record."""
    return await repositories.credit_score_records.create(payload.model_dump())


@router.get("")
async def list_credit_score_records(
    repositories: RepositoriesDep,
    filters: Annotated[CreditScoreRecordFilter, Depends()],
    limit: LimitQuery = DEFAULT_PAGE_LIMIT,
    offset: OffsetQuery = 0,
    sort: SortQuery = DEFAULT_SORT,
) -> Page[CreditScoreRecordPublic]:
    """List the credit score records equal to the given filters, one page at a time."""
    items, total = await repositories.credit_score_records.list_page(
        filters=filters.model_dump(exclude_none=True),
        sort=parse_sort(sort, CREDIT_SCORE_RECORD_SORT_KEYS),
        limit=limit,
        offset=offset,
    )
    return Page[CreditScoreRecordPublic](items=items, total=total, limit=limit, offset=offset)


@router.post("/aggregate")
async def aggregate_credit_score_records(
    payload: AggregateRequest,
    repositories: RepositoriesDep,
) -> AggregateResult:
    """Run a read-only aggregation pipeline over the credit score records (unsafe stages are a ``422``)."""
    pipeline = validate_pipeline(payload.pipeline)
    return AggregateResult(items=await repositories.credit_score_records.aggregate(pipeline))


@router.get("/{credit_score_record_id}")
async def get_credit_score_record(
    credit_score_record_id: UUID,
    repositories: RepositoriesDep,
) -> CreditScoreRecordPublic:
    """Get one credit score record."""
    return await repositories.credit_score_records.get(credit_score_record_id)


@router.patch("/{credit_score_record_id}")
async def update_credit_score_record(
    credit_score_record_id: UUID,
    payload: CreditScoreRecordUpdate,
    repositories: RepositoriesDep,
) -> CreditScoreRecordPublic:
    """Change the fields of one credit score record that the payload sets."""
    values = payload.model_dump(exclude_unset=True)
    return await repositories.credit_score_records.update(
        credit_score_record_id,
        values,
    )


@router.delete("/{credit_score_record_id}", status_code=status.HTTP_204_NO_CONTENT)
async def delete_credit_score_record(
    credit_score_record_id: UUID,
    repositories: RepositoriesDep,
) -> None:
    """Delete one credit score record."""
    await repositories.credit_score_records.delete(credit_score_record_id)
