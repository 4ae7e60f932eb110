"""HTTP endpoints of the repayment entity: ``/api/v1/repayments``."""

# Implements: FR-005
from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Depends, Query, status

from shared.contracts.pagination import DEFAULT_PAGE_LIMIT, MAX_PAGE_LIMIT, Page
from shared.contracts.repayment import (
    REPAYMENT_SORT_KEYS,
    RepaymentCreate,
    RepaymentFilter,
    RepaymentPublic,
    RepaymentUpdate,
)
from src.api.dependencies import UnitOfWorkDep
from src.domain.sorting import DEFAULT_SORT, parse_sort

router = APIRouter(
    prefix="/repayments",
    tags=["repayments"],
)

LimitQuery = Annotated[int, Query(ge=1, le=MAX_PAGE_LIMIT, description="Maximum number of items to return.")]
OffsetQuery = Annotated[int, Query(ge=0, description="Number of items to skip.")]
SortQuery = Annotated[str, Query(description="Sort key, prefixed with '-' for descending order.")]


@router.post("", status_code=status.HTTP_201_CREATED)
async def create_repayment(
    payload: RepaymentCreate,
    unit_of_work: UnitOfWorkDep,
) -> RepaymentPublic:
    """Create one repayment."""
    created = await unit_of_work.repayments.create(payload.model_dump())
    await unit_of_work.commit()
    return RepaymentPublic.model_validate(created)


@router.get("")
async def list_repayments(
    unit_of_work: UnitOfWorkDep,
    filters: Annotated[RepaymentFilter, Depends()],
    limit: LimitQuery = DEFAULT_PAGE_LIMIT,
    offset: OffsetQuery = 0,
    sort: SortQuery = DEFAULT_SORT,
) -> Page[RepaymentPublic]:
    """List the repayments equal to the given filters, one page at a time."""
    rows, total = await unit_of_work.repayments.list_page(
        filters=filters.model_dump(exclude_none=True),
        sort=parse_sort(sort, REPAYMENT_SORT_KEYS),
        limit=limit,
        offset=offset,
    )
    items = [RepaymentPublic.model_validate(row) for row in rows]
    return Page[RepaymentPublic](items=items, total=total, limit=limit, offset=offset)


@router.get("/{repayment_id}")
async def get_repayment(
    repayment_id: UUID,
    unit_of_work: UnitOfWorkDep,
) -> RepaymentPublic:
    """Get one repayment."""
    found = await unit_of_work.repayments.get(
        repayment_id,
    )
    return RepaymentPublic.model_validate(found)


@router.patch("/{repayment_id}")
async def update_repayment(
    repayment_id: UUID,
    payload: RepaymentUpdate,
    unit_of_work: UnitOfWorkDep,
) -> RepaymentPublic:
    """Change the fields of one repayment that the payload sets."""
    values = payload.model_dump(exclude_unset=True)
    updated = await unit_of_work.repayments.update(
        repayment_id,
        values,
    )
    await unit_of_work.commit()
    return RepaymentPublic.model_validate(updated)


@router.delete("/{repayment_id}", status_code=status.HTTP_204_NO_CONTENT)
async def delete_repayment(
    repayment_id: UUID,
    unit_of_work: UnitOfWorkDep,
) -> None:
    """Delete one repayment."""
    await unit_of_work.repayments.delete(repayment_id)
    await unit_of_work.commit()
