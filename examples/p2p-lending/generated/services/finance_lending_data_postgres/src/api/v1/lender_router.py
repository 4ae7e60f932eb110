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
    LENDER_SORT_KEYS,
    LenderCreate,
    LenderFilter,
    LenderPublic,
    LenderUpdate,
)
from src.api.dependencies import UnitOfWorkDep
from src.domain.sorting import DEFAULT_SORT, SortOrder, parse_sort

router = APIRouter(
    prefix="/lenders",
    tags=["lenders"],
)

LimitQuery = Annotated[int, Query(ge=1, le=MAX_PAGE_LIMIT, description="Maximum number of items to return.")]
OffsetQuery = Annotated[int, Query(ge=0, description="Number of items to skip.")]
SortQuery = Annotated[str, Query(description="Sort key, prefixed with '-' for descending order.")]


@router.post("", status_code=status.HTTP_201_CREATED)
async def create_lender(
    payload: LenderCreate,
    unit_of_work: UnitOfWorkDep,
) -> LenderPublic:
    """Create one lender."""
    created = await unit_of_work.lenders.create(payload.model_dump())
    await unit_of_work.commit()
    return LenderPublic.model_validate(created)


@router.get("")
async def list_lenders(
    unit_of_work: UnitOfWorkDep,
    filters: Annotated[LenderFilter, Depends()],
    limit: LimitQuery = DEFAULT_PAGE_LIMIT,
    offset: OffsetQuery = 0,
    sort: SortQuery = DEFAULT_SORT,
) -> Page[LenderPublic]:
    """List the lenders equal to the given filters, one page at a time."""
    rows, total = await unit_of_work.lenders.list_page(
        filters=filters.model_dump(exclude_none=True),
        sort=parse_sort(sort, LENDER_SORT_KEYS),
        limit=limit,
        offset=offset,
    )
    items = [LenderPublic.model_validate(row) for row in rows]
    return Page[LenderPublic](items=items, total=total, limit=limit, offset=offset)


@router.get("/{lender_id}")
async def get_lender(
    lender_id: UUID,
    unit_of_work: UnitOfWorkDep,
) -> LenderPublic:
    """Get one lender."""
    found = await unit_of_work.lenders.get(
        lender_id,
    )
    return LenderPublic.model_validate(found)


@router.patch("/{lender_id}")
async def update_lender(
    lender_id: UUID,
    payload: LenderUpdate,
    unit_of_work: UnitOfWorkDep,
) -> LenderPublic:
    """Change the fields of one lender that the payload sets."""
    values = payload.model_dump(exclude_unset=True)
    updated = await unit_of_work.lenders.update(
        lender_id,
        values,
    )
    await unit_of_work.commit()
    return LenderPublic.model_validate(updated)


@router.delete("/{lender_id}", status_code=status.HTTP_204_NO_CONTENT)
async def delete_lender(
    lender_id: UUID,
    unit_of_work: UnitOfWorkDep,
) -> None:
    """Delete one lender."""
    await unit_of_work.lenders.delete(lender_id)
    await unit_of_work.commit()


@router.get("/{lender_id}/investments")
async def list_lender_investments(
    lender_id: UUID,
    unit_of_work: UnitOfWorkDep,
    limit: LimitQuery = DEFAULT_PAGE_LIMIT,
    offset: OffsetQuery = 0,
) -> Page[InvestmentPublic]:
    """List the investments of one lender, oldest first."""
    await unit_of_work.lenders.get(lender_id)
    rows, total = await unit_of_work.investments.list_page(
        filters={"lender_id": lender_id},
        sort=SortOrder(key=DEFAULT_SORT),
        limit=limit,
        offset=offset,
    )
    items = [InvestmentPublic.model_validate(row) for row in rows]
    return Page[InvestmentPublic](items=items, total=total, limit=limit, offset=offset)
