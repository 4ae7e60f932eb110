"""HTTP endpoints of the availability slot entity: ``/api/v1/availability-slots``."""

# Implements: FR-002
from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Depends, Query, status

from shared.contracts.pagination import DEFAULT_PAGE_LIMIT, MAX_PAGE_LIMIT, Page
from shared.contracts.availability_slot import (
    AvailabilitySlotCreate,
    AvailabilitySlotFilter,
    AvailabilitySlotPublic,
    AvailabilitySlotUpdate,
)
from src.api.dependencies import HttpClientsDep
from src.application.use_cases.availability_slot_use_cases import (
    AvailabilitySlotUseCases,
)
from src.domain.rules import RuleContext
from src.infrastructure.http_clients.availability_slot_client import (
    DATA_SERVICE_NAME,
    AvailabilitySlotClient,
)

router = APIRouter(
    prefix="/availability-slots",
    tags=["availability slots"],
)

LimitQuery = Annotated[int, Query(ge=1, le=MAX_PAGE_LIMIT, description="Maximum number of items to return.")]
OffsetQuery = Annotated[int, Query(ge=0, description="Number of items to skip.")]
SortQuery = Annotated[str, Query(description="Sort key, prefixed with '-' for descending order.")]


def get_availability_slot_use_cases(
    http_clients: HttpClientsDep,
) -> AvailabilitySlotUseCases:
    """Use cases bound to the client of the data service that owns availability slots, and the rules' context."""
    return AvailabilitySlotUseCases(
        AvailabilitySlotClient(http_clients[DATA_SERVICE_NAME]),
        RuleContext.from_http_clients(http_clients),
    )


UseCasesDep = Annotated[
    AvailabilitySlotUseCases,
    Depends(get_availability_slot_use_cases),
]


@router.post("", status_code=status.HTTP_201_CREATED)
async def create_availability_slot(
    payload: AvailabilitySlotCreate,
    use_cases: UseCasesDep,
) -> AvailabilitySlotPublic:
    """Create one availability slot."""
    return await use_cases.create_availability_slot(payload)


@router.get("")
async def list_availability_slots(
    use_cases: UseCasesDep,
    filters: Annotated[AvailabilitySlotFilter, Depends()],
    limit: LimitQuery = DEFAULT_PAGE_LIMIT,
    offset: OffsetQuery = 0,
    sort: SortQuery = "created_at",
) -> Page[AvailabilitySlotPublic]:
    """List the availability slots equal to the given filters, one page at a time."""
    return await use_cases.list_availability_slots(
        filters,
        sort=sort,
        limit=limit,
        offset=offset,
    )


@router.get("/{availability_slot_id}")
async def get_availability_slot(
    availability_slot_id: UUID,
    use_cases: UseCasesDep,
) -> AvailabilitySlotPublic:
    """Get one availability slot."""
    return await use_cases.get_availability_slot(availability_slot_id)


@router.patch("/{availability_slot_id}")
async def update_availability_slot(
    availability_slot_id: UUID,
    payload: AvailabilitySlotUpdate,
    use_cases: UseCasesDep,
) -> AvailabilitySlotPublic:
    """Change the fields of one availability slot that the payload sets."""
    return await use_cases.update_availability_slot(
        availability_slot_id,
        payload,
    )


@router.delete("/{availability_slot_id}", status_code=status.HTTP_204_NO_CONTENT)
async def delete_availability_slot(
    availability_slot_id: UUID,
    use_cases: UseCasesDep,
) -> None:
    """Delete one availability slot."""
    await use_cases.delete_availability_slot(availability_slot_id)
