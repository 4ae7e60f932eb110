"""HTTP endpoints of the investment entity: ``/api/v1/investments``."""

# Implements: FR-004
from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Depends, Query, status

from shared.contracts.pagination import DEFAULT_PAGE_LIMIT, MAX_PAGE_LIMIT, Page
from shared.contracts.investment import (
    INVESTMENT_SORT_KEYS,
    InvestmentCreate,
    InvestmentFilter,
    InvestmentPublic,
    InvestmentUpdate,
)
from src.api.dependencies import UnitOfWorkDep
from src.domain.sorting import DEFAULT_SORT, parse_sort

router = APIRouter(
    prefix="/investments",
    tags=["investments"],
)

LimitQuery = Annotated[int, Query(ge=1, le=MAX_PAGE_LIMIT, description="Maximum number of items to return.")]
OffsetQuery = Annotated[int, Query(ge=0, description="Number of items to skip.")]
SortQuery = Annotated[str, Query(description="Sort key, prefixed with '-' for descending order.")]


@router.post("", status_code=status.HTTP_201_CREATED)
async def create_investment(
    payload: InvestmentCreate,
    unit_of_work: UnitOfWorkDep,
) -> InvestmentPublic:
    """Create one investment."""
    created = await unit_of_work.investments.create(payload.model_dump())
    await unit_of_work.commit()
    return InvestmentPublic.model_validate(created)


@router.get("")
async def list_investments(
    unit_of_work: UnitOfWorkDep,
    filters: Annotated[InvestmentFilter, Depends()],
    limit: LimitQuery = DEFAULT_PAGE_LIMIT,
    offset: OffsetQuery = 0,
    sort: SortQuery = DEFAULT_SORT,
) -> Page[InvestmentPublic]:
    """List the investments equal to the given filters, one page at a time."""
    rows, total = await unit_of_work.investments.list_page(
        filters=filters.model_dump(exclude_none=True),
        sort=parse_sort(sort, INVESTMENT_SORT_KEYS),
        limit=limit,
        offset=offset,
    )
    items = [InvestmentPublic.model_validate(row) for row in rows]
    return Page[InvestmentPublic](items=items, total=total, limit=limit, offset=offset)


@router.get("/{investment_id}")
async def get_investment(
    investment_id: UUID,
    unit_of_work: UnitOfWorkDep,
) -> InvestmentPublic:
    """Get one investment."""
    found = await unit_of_work.investments.get(
        investment_id,
    )
    return InvestmentPublic.model_validate(found)


@router.patch("/{investment_id}")
async def update_investment(
    investment_id: UUID,
    payload: InvestmentUpdate,
    unit_of_work: UnitOfWorkDep,
) -> InvestmentPublic:
    """Change the fields of one investment that the payload sets."""
    values = payload.model_dump(exclude_unset=True)
    updated = await unit_of_work.investments.update(
        investment_id,
        values,
    )
    await unit_of_work.commit()
    return InvestmentPublic.model_validate(updated)


@router.delete("/{investment_id}", status_code=status.HTTP_204_NO_CONTENT)
async def delete_investment(
    investment_id: UUID,
    unit_of_work: UnitOfWorkDep,
) -> None:
    """Delete one investment."""
    await unit_of_work.investments.delete(investment_id)
    await unit_of_work.commit()
