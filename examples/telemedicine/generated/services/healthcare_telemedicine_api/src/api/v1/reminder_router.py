"""HTTP endpoints of the reminder entity: ``/api/v1/reminders``."""

# Implements: FR-006
from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Depends, Query, status

from shared.contracts.pagination import DEFAULT_PAGE_LIMIT, MAX_PAGE_LIMIT, Page
from shared.contracts.reminder import (
    ReminderCreate,
    ReminderFilter,
    ReminderPublic,
    ReminderUpdate,
)
from src.api.dependencies import EventPublisherDep, HttpClientsDep
from src.application.use_cases.reminder_use_cases import (
    ReminderUseCases,
)
from src.domain.rules import RuleContext
from src.infrastructure.http_clients.reminder_client import (
    DATA_SERVICE_NAME,
    ReminderClient,
)

router = APIRouter(
    prefix="/reminders",
    tags=["reminders"],
)

LimitQuery = Annotated[int, Query(ge=1, le=MAX_PAGE_LIMIT, description="Maximum number of items to return.")]
OffsetQuery = Annotated[int, Query(ge=0, description="Number of items to skip.")]
SortQuery = Annotated[str, Query(description="Sort key, prefixed with '-' for descending order.")]


def get_reminder_use_cases(
    http_clients: HttpClientsDep,
    publisher: EventPublisherDep,
) -> ReminderUseCases:
    """Use cases bound to the client of the data service that owns reminders, the rules' context and the
    publisher.
    """
    return ReminderUseCases(
        ReminderClient(http_clients[DATA_SERVICE_NAME]),
        RuleContext.from_http_clients(http_clients),
        publisher,
    )


UseCasesDep = Annotated[
    ReminderUseCases,
    Depends(get_reminder_use_cases),
]


@router.post("", status_code=status.HTTP_201_CREATED)
async def create_reminder(
    payload: ReminderCreate,
    use_cases: UseCasesDep,
) -> ReminderPublic:
    """Create one reminder."""
    return await use_cases.create_reminder(payload)


@router.get("")
async def list_reminders(
    use_cases: UseCasesDep,
    filters: Annotated[ReminderFilter, Depends()],
    limit: LimitQuery = DEFAULT_PAGE_LIMIT,
    offset: OffsetQuery = 0,
    sort: SortQuery = "created_at",
) -> Page[ReminderPublic]:
    """List the reminders equal to the given filters, one page at a time."""
    return await use_cases.list_reminders(
        filters,
        sort=sort,
        limit=limit,
        offset=offset,
    )


@router.get("/{reminder_id}")
async def get_reminder(
    reminder_id: UUID,
    use_cases: UseCasesDep,
) -> ReminderPublic:
    """Get one reminder."""
    return await use_cases.get_reminder(reminder_id)


@router.patch("/{reminder_id}")
async def update_reminder(
    reminder_id: UUID,
    payload: ReminderUpdate,
    use_cases: UseCasesDep,
) -> ReminderPublic:
    """Change the fields of one reminder that the payload sets."""
    return await use_cases.update_reminder(
        reminder_id,
        payload,
    )


@router.delete("/{reminder_id}", status_code=status.HTTP_204_NO_CONTENT)
async def delete_reminder(
    reminder_id: UUID,
    use_cases: UseCasesDep,
) -> None:
    """Delete one reminder."""
    await use_cases.delete_reminder(reminder_id)
