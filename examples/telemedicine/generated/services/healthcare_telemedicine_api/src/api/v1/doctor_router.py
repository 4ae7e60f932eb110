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
    DoctorCreate,
    DoctorFilter,
    DoctorPublic,
    DoctorUpdate,
)
from src.api.dependencies import HttpClientsDep
from src.application.use_cases.doctor_use_cases import (
    DoctorUseCases,
)
from src.domain.rules import RuleContext
from src.infrastructure.http_clients.doctor_client import (
    DATA_SERVICE_NAME,
    DoctorClient,
)

router = APIRouter(
    prefix="/doctors",
    tags=["doctors"],
)

LimitQuery = Annotated[int, Query(ge=1, le=MAX_PAGE_LIMIT, description="Maximum number of items to return.")]
OffsetQuery = Annotated[int, Query(ge=0, description="Number of items to skip.")]
SortQuery = Annotated[str, Query(description="Sort key, prefixed with '-' for descending order.")]


def get_doctor_use_cases(
    http_clients: HttpClientsDep,
) -> DoctorUseCases:
    """Use cases bound to the client of the data service that owns doctors, and the rules' context."""
    return DoctorUseCases(
        DoctorClient(http_clients[DATA_SERVICE_NAME]),
        RuleContext.from_http_clients(http_clients),
    )


UseCasesDep = Annotated[
    DoctorUseCases,
    Depends(get_doctor_use_cases),
]


@router.post("", status_code=status.HTTP_201_CREATED)
async def create_doctor(
    payload: DoctorCreate,
    use_cases: UseCasesDep,
) -> DoctorPublic:
    """Create one doctor."""
    return await use_cases.create_doctor(payload)


@router.get("")
async def list_doctors(
    use_cases: UseCasesDep,
    filters: Annotated[DoctorFilter, Depends()],
    limit: LimitQuery = DEFAULT_PAGE_LIMIT,
    offset: OffsetQuery = 0,
    sort: SortQuery = "created_at",
) -> Page[DoctorPublic]:
    """List the doctors equal to the given filters, one page at a time."""
    return await use_cases.list_doctors(
        filters,
        sort=sort,
        limit=limit,
        offset=offset,
    )


@router.get("/{doctor_id}")
async def get_doctor(
    doctor_id: UUID,
    use_cases: UseCasesDep,
) -> DoctorPublic:
    """Get one doctor."""
    return await use_cases.get_doctor(doctor_id)


@router.patch("/{doctor_id}")
async def update_doctor(
    doctor_id: UUID,
    payload: DoctorUpdate,
    use_cases: UseCasesDep,
) -> DoctorPublic:
    """Change the fields of one doctor that the payload sets."""
    return await use_cases.update_doctor(
        doctor_id,
        payload,
    )


@router.delete("/{doctor_id}", status_code=status.HTTP_204_NO_CONTENT)
async def delete_doctor(
    doctor_id: UUID,
    use_cases: UseCasesDep,
) -> None:
    """Delete one doctor."""
    await use_cases.delete_doctor(doctor_id)


@router.get(
    "/{doctor_id}/availability-slots",
)
async def list_doctor_slots(
    doctor_id: UUID,
    use_cases: UseCasesDep,
    limit: LimitQuery = DEFAULT_PAGE_LIMIT,
    offset: OffsetQuery = 0,
) -> Page[AvailabilitySlotPublic]:
    """List the slots of one doctor, oldest first."""
    return await use_cases.list_doctor_slots(
        doctor_id,
        limit=limit,
        offset=offset,
    )
