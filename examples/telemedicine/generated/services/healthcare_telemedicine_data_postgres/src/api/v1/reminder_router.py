"""HTTP endpoints of the reminder entity: ``/api/v1/reminders``."""

# Implements: FR-006
from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Depends, Query, status

from shared.contracts.pagination import DEFAULT_PAGE_LIMIT, MAX_PAGE_LIMIT, Page
from shared.contracts.reminder import (
    REMINDER_SORT_KEYS,
    ReminderCreate,
    ReminderFilter,
    ReminderPublic,
    ReminderUpdate,
)
from src.api.dependencies import UnitOfWorkDep
from src.domain.sorting import DEFAULT_SORT, parse_sort

router = APIRouter(
    prefix="/reminders",
    tags=["reminders"],
)

LimitQuery = Annotated[int, Query(ge=1, le=MAX_PAGE_LIMIT, description="Maximum number of items to return.")]
OffsetQuery = Annotated[int, Query(ge=0, description="Number of items to skip.")]
SortQuery = Annotated[str, Query(description="Sort key, prefixed with '-' for descending order.")]


@router.post("", status_code=status.HTTP_201_CREATED)
async def create_reminder(
    payload: ReminderCreate,
    unit_of_work: UnitOfWorkDep,
) -> ReminderPublic:
    """Create one reminder."""
    created = await unit_of_work.reminders.create(payload.model_dump())
    await unit_of_work.commit()
    return ReminderPublic.model_validate(created)


@router.get("")
async def list_reminders(
    unit_of_work: UnitOfWorkDep,
    filters: Annotated[ReminderFilter, Depends()],
    limit: LimitQuery = DEFAULT_PAGE_LIMIT,
    offset: OffsetQuery = 0,
    sort: SortQuery = DEFAULT_SORT,
) -> Page[ReminderPublic]:
    """List the reminders equal to the given filters, one page at a time."""
    rows, total = await unit_of_work.reminders.list_page(
        filters=filters.model_dump(exclude_none=True),
        sort=parse_sort(sort, REMINDER_SORT_KEYS),
        limit=limit,
        offset=offset,
    )
    items = [ReminderPublic.model_validate(row) for row in rows]
    return Page[ReminderPublic](items=items, total=total, limit=limit, offset=offset)


@router.get("/{reminder_id}")
async def get_reminder(
    reminder_id: UUID,
    unit_of_work: UnitOfWorkDep,
) -> ReminderPublic:
    """Get one reminder."""
    found = await unit_of_work.reminders.get(
        reminder_id,
    )
    return ReminderPublic.model_validate(found)


@router.patch("/{reminder_id}")
async def update_reminder(
    reminder_id: UUID,
    payload: ReminderUpdate,
    unit_of_work: UnitOfWorkDep,
) -> ReminderPublic:
    """Change the fields of one reminder that the payload sets."""
    values = payload.model_dump(exclude_unset=True)
    updated = await unit_of_work.reminders.update(
        reminder_id,
        values,
    )
    await unit_of_work.commit()
    return ReminderPublic.model_validate(updated)


@router.delete("/{reminder_id}", status_code=status.HTTP_204_NO_CONTENT)
async def delete_reminder(
    reminder_id: UUID,
    unit_of_work: UnitOfWorkDep,
) -> None:
    """Delete one reminder."""
    await unit_of_work.reminders.delete(reminder_id)
    await unit_of_work.commit()
