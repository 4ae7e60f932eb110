"""HTTP endpoints of the doctor entity: ``/api/v1/doctors``."""

# Implements: FR-002
from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Depends, Query, status

from shared.contracts.availability_slot import (
    AvailabilitySlotPublic,
)
from shared.contracts.pagination import DEFAULT_PAGE_LIMIT, MAX_PAGE_LIMIT, Page
from shared.contracts.doctor import (
    DOCTOR_SORT_KEYS,
    DoctorCreate,
    DoctorFilter,
    DoctorPublic,
    DoctorUpdate,
)
from src.api.dependencies import UnitOfWorkDep
from src.domain.sorting import DEFAULT_SORT, SortOrder, parse_sort

router = APIRouter(
    prefix="/doctors",
    tags=["doctors"],
)

LimitQuery = Annotated[int, Query(ge=1, le=MAX_PAGE_LIMIT, description="Maximum number of items to return.")]
OffsetQuery = Annotated[int, Query(ge=0, description="Number of items to skip.")]
SortQuery = Annotated[str, Query(description="Sort key, prefixed with '-' for descending order.")]


@router.post("", status_code=status.HTTP_201_CREATED)
async def create_doctor(
    payload: DoctorCreate,
    unit_of_work: UnitOfWorkDep,
) -> DoctorPublic:
    """Create one doctor."""
    created = await unit_of_work.doctors.create(payload.model_dump())
    await unit_of_work.commit()
    return DoctorPublic.model_validate(created)


@router.get("")
async def list_doctors(
    unit_of_work: UnitOfWorkDep,
    filters: Annotated[DoctorFilter, Depends()],
    limit: LimitQuery = DEFAULT_PAGE_LIMIT,
    offset: OffsetQuery = 0,
    sort: SortQuery = DEFAULT_SORT,
) -> Page[DoctorPublic]:
    """List the doctors equal to the given filters, one page at a time."""
    rows, total = await unit_of_work.doctors.list_page(
        filters=filters.model_dump(exclude_none=True),
        sort=parse_sort(sort, DOCTOR_SORT_KEYS),
        limit=limit,
        offset=offset,
    )
    items = [DoctorPublic.model_validate(row) for row in rows]
    return Page[DoctorPublic](items=items, total=total, limit=limit, offset=offset)


@router.get("/{doctor_id}")
async def get_doctor(
    doctor_id: UUID,
    unit_of_work: UnitOfWorkDep,
) -> DoctorPublic:
    """Get one doctor."""
    found = await unit_of_work.doctors.get(
        doctor_id,
    )
    return DoctorPublic.model_validate(found)


@router.patch("/{doctor_id}")
async def update_doctor(
    doctor_id: UUID,
    payload: DoctorUpdate,
    unit_of_work: UnitOfWorkDep,
) -> DoctorPublic:
    """Change the fields of one doctor that the payload sets."""
    values = payload.model_dump(exclude_unset=True)
    updated = await unit_of_work.doctors.update(
        doctor_id,
        values,
    )
    await unit_of_work.commit()
    return DoctorPublic.model_validate(updated)


@router.delete("/{doctor_id}", status_code=status.HTTP_204_NO_CONTENT)
async def delete_doctor(
    doctor_id: UUID,
    unit_of_work: UnitOfWorkDep,
) -> None:
    """Delete one doctor."""
    await unit_of_work.doctors.delete(doctor_id)
    await unit_of_work.commit()


@router.get("/{doctor_id}/availability-slots")
async def list_doctor_slots(
    doctor_id: UUID,
    unit_of_work: UnitOfWorkDep,
    limit: LimitQuery = DEFAULT_PAGE_LIMIT,
    offset: OffsetQuery = 0,
) -> Page[AvailabilitySlotPublic]:
    """List the slots of one doctor, oldest first."""
    await unit_of_work.doctors.get(doctor_id)
    rows, total = await unit_of_work.availability_slots.list_page(
        filters={"doctor_id": doctor_id},
        sort=SortOrder(key=DEFAULT_SORT),
        limit=limit,
        offset=offset,
    )
    items = [AvailabilitySlotPublic.model_validate(row) for row in rows]
    return Page[AvailabilitySlotPublic](items=items, total=total, limit=limit, offset=offset)
