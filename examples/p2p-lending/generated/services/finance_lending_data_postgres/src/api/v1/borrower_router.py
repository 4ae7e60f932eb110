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
    BORROWER_SORT_KEYS,
    BorrowerCreate,
    BorrowerFilter,
    BorrowerPublic,
    BorrowerUpdate,
)
from src.api.dependencies import UnitOfWorkDep
from src.domain.sorting import DEFAULT_SORT, SortOrder, parse_sort

router = APIRouter(
    prefix="/borrowers",
    tags=["borrowers"],
)

LimitQuery = Annotated[int, Query(ge=1, le=MAX_PAGE_LIMIT, description="Maximum number of items to return.")]
OffsetQuery = Annotated[int, Query(ge=0, description="Number of items to skip.")]
SortQuery = Annotated[str, Query(description="Sort key, prefixed with '-' for descending order.")]


@router.post("", status_code=status.HTTP_201_CREATED)
async def create_borrower(
    payload: BorrowerCreate,
    unit_of_work: UnitOfWorkDep,
) -> BorrowerPublic:
    """Create one borrower."""
    created = await unit_of_work.borrowers.create(payload.model_dump())
    await unit_of_work.commit()
    return BorrowerPublic.model_validate(created)


@router.get("")
async def list_borrowers(
    unit_of_work: UnitOfWorkDep,
    filters: Annotated[BorrowerFilter, Depends()],
    limit: LimitQuery = DEFAULT_PAGE_LIMIT,
    offset: OffsetQuery = 0,
    sort: SortQuery = DEFAULT_SORT,
) -> Page[BorrowerPublic]:
    """List the borrowers equal to the given filters, one page at a time."""
    rows, total = await unit_of_work.borrowers.list_page(
        filters=filters.model_dump(exclude_none=True),
        sort=parse_sort(sort, BORROWER_SORT_KEYS),
        limit=limit,
        offset=offset,
    )
    items = [BorrowerPublic.model_validate(row) for row in rows]
    return Page[BorrowerPublic](items=items, total=total, limit=limit, offset=offset)


@router.get("/{borrower_id}")
async def get_borrower(
    borrower_id: UUID,
    unit_of_work: UnitOfWorkDep,
) -> BorrowerPublic:
    """Get one borrower."""
    found = await unit_of_work.borrowers.get(
        borrower_id,
    )
    return BorrowerPublic.model_validate(found)


@router.patch("/{borrower_id}")
async def update_borrower(
    borrower_id: UUID,
    payload: BorrowerUpdate,
    unit_of_work: UnitOfWorkDep,
) -> BorrowerPublic:
    """Change the fields of one borrower that the payload sets."""
    values = payload.model_dump(exclude_unset=True)
    updated = await unit_of_work.borrowers.update(
        borrower_id,
        values,
    )
    await unit_of_work.commit()
    return BorrowerPublic.model_validate(updated)


@router.delete("/{borrower_id}", status_code=status.HTTP_204_NO_CONTENT)
async def delete_borrower(
    borrower_id: UUID,
    unit_of_work: UnitOfWorkDep,
) -> None:
    """Delete one borrower."""
    await unit_of_work.borrowers.delete(borrower_id)
    await unit_of_work.commit()


@router.get("/{borrower_id}/loan-applications")
async def list_borrower_loan_applications(
    borrower_id: UUID,
    unit_of_work: UnitOfWorkDep,
    limit: LimitQuery = DEFAULT_PAGE_LIMIT,
    offset: OffsetQuery = 0,
) -> Page[LoanApplicationPublic]:
    """List the loan_applications of one borrower, oldest first."""
    await unit_of_work.borrowers.get(borrower_id)
    rows, total = await unit_of_work.loan_applications.list_page(
        filters={"borrower_id": borrower_id},
        sort=SortOrder(key=DEFAULT_SORT),
        limit=limit,
        offset=offset,
    )
    items = [LoanApplicationPublic.model_validate(row) for row in rows]
    return Page[LoanApplicationPublic](items=items, total=total, limit=limit, offset=offset)
