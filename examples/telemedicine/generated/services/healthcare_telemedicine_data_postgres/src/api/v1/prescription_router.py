"""HTTP endpoints of the prescription entity: ``/api/v1/prescriptions``."""

# Implements: FR-005
from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Depends, Query, status

from shared.contracts.pagination import DEFAULT_PAGE_LIMIT, MAX_PAGE_LIMIT, Page
from shared.contracts.prescription import (
    PRESCRIPTION_SORT_KEYS,
    PrescriptionCreate,
    PrescriptionFilter,
    PrescriptionPublic,
    PrescriptionUpdate,
)
from src.api.dependencies import UnitOfWorkDep
from src.domain.sorting import DEFAULT_SORT, parse_sort

router = APIRouter(
    prefix="/prescriptions",
    tags=["prescriptions"],
)

LimitQuery = Annotated[int, Query(ge=1, le=MAX_PAGE_LIMIT, description="Maximum number of items to return.")]
OffsetQuery = Annotated[int, Query(ge=0, description="Number of items to skip.")]
SortQuery = Annotated[str, Query(description="Sort key, prefixed with '-' for descending order.")]


@router.post("", status_code=status.HTTP_201_CREATED)
async def create_prescription(
    payload: PrescriptionCreate,
    unit_of_work: UnitOfWorkDep,
) -> PrescriptionPublic:
    """Create one prescription."""
    created = await unit_of_work.prescriptions.create(payload.model_dump())
    await unit_of_work.commit()
    return PrescriptionPublic.model_validate(created)


@router.get("")
async def list_prescriptions(
    unit_of_work: UnitOfWorkDep,
    filters: Annotated[PrescriptionFilter, Depends()],
    limit: LimitQuery = DEFAULT_PAGE_LIMIT,
    offset: OffsetQuery = 0,
    sort: SortQuery = DEFAULT_SORT,
) -> Page[PrescriptionPublic]:
    """List the prescriptions equal to the given filters, one page at a time."""
    rows, total = await unit_of_work.prescriptions.list_page(
        filters=filters.model_dump(exclude_none=True),
        sort=parse_sort(sort, PRESCRIPTION_SORT_KEYS),
        limit=limit,
        offset=offset,
    )
    items = [PrescriptionPublic.model_validate(row) for row in rows]
    return Page[PrescriptionPublic](items=items, total=total, limit=limit, offset=offset)


@router.get("/{prescription_id}")
async def get_prescription(
    prescription_id: UUID,
    unit_of_work: UnitOfWorkDep,
) -> PrescriptionPublic:
    """Get one prescription."""
    found = await unit_of_work.prescriptions.get(
        prescription_id,
    )
    return PrescriptionPublic.model_validate(found)


@router.patch("/{prescription_id}")
async def update_prescription(
    prescription_id: UUID,
    payload: PrescriptionUpdate,
    unit_of_work: UnitOfWorkDep,
) -> PrescriptionPublic:
    """Change the fields of one prescription that the payload sets."""
    values = payload.model_dump(exclude_unset=True)
    updated = await unit_of_work.prescriptions.update(
        prescription_id,
        values,
    )
    await unit_of_work.commit()
    return PrescriptionPublic.model_validate(updated)


@router.delete("/{prescription_id}", status_code=status.HTTP_204_NO_CONTENT)
async def delete_prescription(
    prescription_id: UUID,
    unit_of_work: UnitOfWorkDep,
) -> None:
    """Delete one prescription."""
    await unit_of_work.prescriptions.delete(prescription_id)
    await unit_of_work.commit()
