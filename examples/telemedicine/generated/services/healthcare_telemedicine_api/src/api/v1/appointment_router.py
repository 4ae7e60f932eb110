"""HTTP endpoints of the appointment entity: ``/api/v1/appointments``."""

# Implements: FR-003
from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Depends, Query, status

from shared.contracts.pagination import DEFAULT_PAGE_LIMIT, MAX_PAGE_LIMIT, Page
from shared.contracts.appointment import (
    AppointmentCreate,
    AppointmentFilter,
    AppointmentPublic,
    AppointmentUpdate,
)
from src.api.dependencies import EventPublisherDep, HttpClientsDep
from src.application.use_cases.appointment_use_cases import (
    AppointmentUseCases,
)
from src.domain.rules import RuleContext
from src.infrastructure.http_clients.appointment_client import (
    DATA_SERVICE_NAME,
    AppointmentClient,
)

router = APIRouter(
    prefix="/appointments",
    tags=["appointments"],
)

LimitQuery = Annotated[int, Query(ge=1, le=MAX_PAGE_LIMIT, description="Maximum number of items to return.")]
OffsetQuery = Annotated[int, Query(ge=0, description="Number of items to skip.")]
SortQuery = Annotated[str, Query(description="Sort key, prefixed with '-' for descending order.")]


def get_appointment_use_cases(
    http_clients: HttpClientsDep,
    publisher: EventPublisherDep,
) -> AppointmentUseCases:
    """Use cases bound to the client of the data service that owns appointments, the rules' context and the
    publisher.
    """
    return AppointmentUseCases(
        AppointmentClient(http_clients[DATA_SERVICE_NAME]),
        RuleContext.from_http_clients(http_clients),
        publisher,
    )


UseCasesDep = Annotated[
    AppointmentUseCases,
    Depends(get_appointment_use_cases),
]


@router.post("", status_code=status.HTTP_201_CREATED)
async def create_appointment(
    payload: AppointmentCreate,
    use_cases: UseCasesDep,
) -> AppointmentPublic:
    """Create one appointment."""
    return await use_cases.create_appointment(payload)


@router.get("")
async def list_appointments(
    use_cases: UseCasesDep,
    filters: Annotated[AppointmentFilter, Depends()],
    limit: LimitQuery = DEFAULT_PAGE_LIMIT,
    offset: OffsetQuery = 0,
    sort: SortQuery = "created_at",
) -> Page[AppointmentPublic]:
    """List the appointments equal to the given filters, one page at a time."""
    return await use_cases.list_appointments(
        filters,
        sort=sort,
        limit=limit,
        offset=offset,
    )


@router.get("/{appointment_id}")
async def get_appointment(
    appointment_id: UUID,
    use_cases: UseCasesDep,
) -> AppointmentPublic:
    """Get one appointment."""
    return await use_cases.get_appointment(appointment_id)


@router.patch("/{appointment_id}")
async def update_appointment(
    appointment_id: UUID,
    payload: AppointmentUpdate,
    use_cases: UseCasesDep,
) -> AppointmentPublic:
    """Change the fields of one appointment that the payload sets."""
    return await use_cases.update_appointment(
        appointment_id,
        payload,
    )


@router.delete("/{appointment_id}", status_code=status.HTTP_204_NO_CONTENT)
async def delete_appointment(
    appointment_id: UUID,
    use_cases: UseCasesDep,
) -> None:
    """Delete one appointment."""
    await use_cases.delete_appointment(appointment_id)
