"""HTTP endpoints of the loan application entity: ``/api/v1/loan-applications``."""

# Implements: FR-003
from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Depends, Query, status

from shared.contracts.investment import (
    InvestmentPublic,
)
from shared.contracts.repayment import (
    RepaymentPublic,
)
from shared.contracts.pagination import DEFAULT_PAGE_LIMIT, MAX_PAGE_LIMIT, Page
from shared.contracts.loan_application import (
    LOAN_APPLICATION_SORT_KEYS,
    LoanApplicationCreate,
    LoanApplicationFilter,
    LoanApplicationPublic,
    LoanApplicationUpdate,
)
from src.api.dependencies import UnitOfWorkDep
from src.domain.sorting import DEFAULT_SORT, SortOrder, parse_sort

router = APIRouter(
    prefix="/loan-applications",
    tags=["loan applications"],
)

LimitQuery = Annotated[int, Query(ge=1, le=MAX_PAGE_LIMIT, description="Maximum number of items to return.")]
OffsetQuery = Annotated[int, Query(ge=0, description="Number of items to skip.")]
SortQuery = Annotated[str, Query(description="Sort key, prefixed with '-' for descending order.")]


@router.post("", status_code=status.HTTP_201_CREATED)
async def create_loan_application(
    payload: LoanApplicationCreate,
    unit_of_work: UnitOfWorkDep,
) -> LoanApplicationPublic:
    """Create one loan application."""
    created = await unit_of_work.loan_applications.create(payload.model_dump())
    await unit_of_work.commit()
    return LoanApplicationPublic.model_validate(created)


@router.get("")
async def list_loan_applications(
    unit_of_work: UnitOfWorkDep,
    filters: Annotated[LoanApplicationFilter, Depends()],
    limit: LimitQuery = DEFAULT_PAGE_LIMIT,
    offset: OffsetQuery = 0,
    sort: SortQuery = DEFAULT_SORT,
) -> Page[LoanApplicationPublic]:
    """List the loan applications equal to the given filters, one page at a time."""
    rows, total = await unit_of_work.loan_applications.list_page(
        filters=filters.model_dump(exclude_none=True),
        sort=parse_sort(sort, LOAN_APPLICATION_SORT_KEYS),
        limit=limit,
        offset=offset,
    )
    items = [LoanApplicationPublic.model_validate(row) for row in rows]
    return Page[LoanApplicationPublic](items=items, total=total, limit=limit, offset=offset)


@router.get("/{loan_application_id}")
async def get_loan_application(
    loan_application_id: UUID,
    unit_of_work: UnitOfWorkDep,
) -> LoanApplicationPublic:
    """Get one loan application."""
    found = await unit_of_work.loan_applications.get(
        loan_application_id,
    )
    return LoanApplicationPublic.model_validate(found)


@router.patch("/{loan_application_id}")
async def update_loan_application(
    loan_application_id: UUID,
    payload: LoanApplicationUpdate,
    unit_of_work: UnitOfWorkDep,
) -> LoanApplicationPublic:
    """Change the fields of one loan application that the payload sets."""
    values = payload.model_dump(exclude_unset=True)
    updated = await unit_of_work.loan_applications.update(
        loan_application_id,
        values,
    )
    await unit_of_work.commit()
    return LoanApplicationPublic.model_validate(updated)


@router.delete("/{loan_application_id}", status_code=status.HTTP_204_NO_CONTENT)
async def delete_loan_application(
    loan_application_id: UUID,
    unit_of_work: UnitOfWorkDep,
) -> None:
    """Delete one loan application."""
    await unit_of_work.loan_applications.delete(loan_application_id)
    await unit_of_work.commit()


@router.get("/{loan_application_id}/investments")
async def list_loan_application_investments(
    loan_application_id: UUID,
    unit_of_work: UnitOfWorkDep,
    limit: LimitQuery = DEFAULT_PAGE_LIMIT,
    offset: OffsetQuery = 0,
) -> Page[InvestmentPublic]:
    """List the investments of one loan application, oldest first."""
    await unit_of_work.loan_applications.get(loan_application_id)
    rows, total = await unit_of_work.investments.list_page(
        filters={"loan_application_id": loan_application_id},
        sort=SortOrder(key=DEFAULT_SORT),
        limit=limit,
        offset=offset,
    )
    items = [InvestmentPublic.model_validate(row) for row in rows]
    return Page[InvestmentPublic](items=items, total=total, limit=limit, offset=offset)


@router.get("/{loan_application_id}/repayments")
async def list_loan_application_repayments(
    loan_application_id: UUID,
    unit_of_work: UnitOfWorkDep,
    limit: LimitQuery = DEFAULT_PAGE_LIMIT,
    offset: OffsetQuery = 0,
) -> Page[RepaymentPublic]:
    """List the repayments of one loan application, oldest first."""
    await unit_of_work.loan_applications.get(loan_application_id)
    rows, total = await unit_of_work.repayments.list_page(
        filters={"loan_application_id": loan_application_id},
        sort=SortOrder(key=DEFAULT_SORT),
        limit=limit,
        offset=offset,
    )
    items = [RepaymentPublic.model_validate(row) for row in rows]
    return Page[RepaymentPublic](items=items, total=total, limit=limit, offset=offset)
