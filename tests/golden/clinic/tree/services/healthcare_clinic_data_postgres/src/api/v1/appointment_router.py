"""HTTP endpoints of the appointment entity: ``/api/v1/appointments``."""

# Implements: FR-003
from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Depends, Query, status

from shared.contracts.pagination import DEFAULT_PAGE_LIMIT, MAX_PAGE_LIMIT, Page
from shared.contracts.appointment import (
    APPOINTMENT_SORT_KEYS,
    AppointmentCreate,
    AppointmentFilter,
    AppointmentPublic,
    AppointmentUpdate,
)
from src.api.dependencies import UnitOfWorkDep
from src.domain.sorting import DEFAULT_SORT, parse_sort

router = APIRouter(
    prefix="/appointments",
    tags=["appointments"],
)

LimitQuery = Annotated[int, Query(ge=1, le=MAX_PAGE_LIMIT, description="Maximum number of items to return.")]
OffsetQuery = Annotated[int, Query(ge=0, description="Number of items to skip.")]
SortQuery = Annotated[str, Query(description="Sort key, prefixed with '-' for descending order.")]


@router.post("", status_code=status.HTTP_201_CREATED)
async def create_appointment(
    payload: AppointmentCreate,
    unit_of_work: UnitOfWorkDep,
) -> AppointmentPublic:
    """Create one appointment."""
    created = await unit_of_work.appointments.create(payload.model_dump())
    await unit_of_work.commit()
    return AppointmentPublic.model_validate(created)


@router.get("")
async def list_appointments(
    unit_of_work: UnitOfWorkDep,
    filters: Annotated[AppointmentFilter, Depends()],
    limit: LimitQuery = DEFAULT_PAGE_LIMIT,
    offset: OffsetQuery = 0,
    sort: SortQuery = DEFAULT_SORT,
) -> Page[AppointmentPublic]:
    """List the appointments equal to the given filters, one page at a time."""
    rows, total = await unit_of_work.appointments.list_page(
        filters=filters.model_dump(exclude_none=True),
        sort=parse_sort(sort, APPOINTMENT_SORT_KEYS),
        limit=limit,
        offset=offset,
    )
    items = [AppointmentPublic.model_validate(row) for row in rows]
    return Page[AppointmentPublic](items=items, total=total, limit=limit, offset=offset)


@router.get("/{appointment_id}")
async def get_appointment(
    appointment_id: UUID,
    unit_of_work: UnitOfWorkDep,
) -> AppointmentPublic:
    """Get one appointment."""
    found = await unit_of_work.appointments.get(
        appointment_id,
    )
    return AppointmentPublic.model_validate(found)


@router.patch("/{appointment_id}")
async def update_appointment(
    appointment_id: UUID,
    payload: AppointmentUpdate,
    unit_of_work: UnitOfWorkDep,
) -> AppointmentPublic:
    """Change the fields of one appointment that the payload sets."""
    values = payload.model_dump(exclude_unset=True)
    updated = await unit_of_work.appointments.update(
        appointment_id,
        values,
    )
    await unit_of_work.commit()
    return AppointmentPublic.model_validate(updated)


@router.delete("/{appointment_id}", status_code=status.HTTP_204_NO_CONTENT)
async def delete_appointment(
    appointment_id: UUID,
    unit_of_work: UnitOfWorkDep,
) -> None:
    """Delete one appointment."""
    await unit_of_work.appointments.delete(appointment_id)
    await unit_of_work.commit()
