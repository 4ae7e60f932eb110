"""HTTP endpoints of the availability slot entity: ``/api/v1/availability-slots``."""

# Implements: FR-002
from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Depends, Query, status

from shared.contracts.pagination import DEFAULT_PAGE_LIMIT, MAX_PAGE_LIMIT, Page
from shared.contracts.availability_slot import (
    AVAILABILITY_SLOT_SORT_KEYS,
    AvailabilitySlotCreate,
    AvailabilitySlotFilter,
    AvailabilitySlotPublic,
    AvailabilitySlotUpdate,
)
from src.api.dependencies import UnitOfWorkDep
from src.domain.sorting import DEFAULT_SORT, parse_sort

router = APIRouter(
    prefix="/availability-slots",
    tags=["availability slots"],
)

LimitQuery = Annotated[int, Query(ge=1, le=MAX_PAGE_LIMIT, description="Maximum number of items to return.")]
OffsetQuery = Annotated[int, Query(ge=0, description="Number of items to skip.")]
SortQuery = Annotated[str, Query(description="Sort key, prefixed with '-' for descending order.")]


@router.post("", status_code=status.HTTP_201_CREATED)
async def create_availability_slot(
    payload: AvailabilitySlotCreate,
    unit_of_work: UnitOfWorkDep,
) -> AvailabilitySlotPublic:
    """Create one availability slot."""
    created = await unit_of_work.availability_slots.create(payload.model_dump())
    await unit_of_work.commit()
    return AvailabilitySlotPublic.model_validate(created)


@router.get("")
async def list_availability_slots(
    unit_of_work: UnitOfWorkDep,
    filters: Annotated[AvailabilitySlotFilter, Depends()],
    limit: LimitQuery = DEFAULT_PAGE_LIMIT,
    offset: OffsetQuery = 0,
    sort: SortQuery = DEFAULT_SORT,
) -> Page[AvailabilitySlotPublic]:
    """List the availability slots equal to the given filters, one page at a time."""
    rows, total = await unit_of_work.availability_slots.list_page(
        filters=filters.model_dump(exclude_none=True),
        sort=parse_sort(sort, AVAILABILITY_SLOT_SORT_KEYS),
        limit=limit,
        offset=offset,
    )
    items = [AvailabilitySlotPublic.model_validate(row) for row in rows]
    return Page[AvailabilitySlotPublic](items=items, total=total, limit=limit, offset=offset)


@router.get("/{availability_slot_id}")
async def get_availability_slot(
    availability_slot_id: UUID,
    unit_of_work: UnitOfWorkDep,
) -> AvailabilitySlotPublic:
    """Get one availability slot."""
    found = await unit_of_work.availability_slots.get(
        availability_slot_id,
    )
    return AvailabilitySlotPublic.model_validate(found)


@router.patch("/{availability_slot_id}")
async def update_availability_slot(
    availability_slot_id: UUID,
    payload: AvailabilitySlotUpdate,
    unit_of_work: UnitOfWorkDep,
) -> AvailabilitySlotPublic:
    """Change the fields of one availability slot that the payload sets."""
    values = payload.model_dump(exclude_unset=True)
    updated = await unit_of_work.availability_slots.update(
        availability_slot_id,
        values,
    )
    await unit_of_work.commit()
    return AvailabilitySlotPublic.model_validate(updated)


@router.delete("/{availability_slot_id}", status_code=status.HTTP_204_NO_CONTENT)
async def delete_availability_slot(
    availability_slot_id: UUID,
    unit_of_work: UnitOfWorkDep,
) -> None:
    """Delete one availability slot."""
    await unit_of_work.availability_slots.delete(availability_slot_id)
    await unit_of_work.commit()
