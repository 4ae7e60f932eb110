"""HTTP endpoints of the patient entity: ``/api/v1/patients``."""

# Implements: FR-001
from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Depends, Query, status

from shared.contracts.appointment import (
    AppointmentPublic,
)
from shared.contracts.pagination import DEFAULT_PAGE_LIMIT, MAX_PAGE_LIMIT, Page
from shared.contracts.patient import (
    PatientCreate,
    PatientFilter,
    PatientPublic,
    PatientUpdate,
)
from src.api.dependencies import HttpClientsDep
from src.application.use_cases.patient_use_cases import (
    PatientUseCases,
)
from src.domain.rules import RuleContext
from src.infrastructure.http_clients.patient_client import (
    DATA_SERVICE_NAME,
    PatientClient,
)

router = APIRouter(
    prefix="/patients",
    tags=["patients"],
)

LimitQuery = Annotated[int, Query(ge=1, le=MAX_PAGE_LIMIT, description="Maximum number of items to return.")]
OffsetQuery = Annotated[int, Query(ge=0, description="Number of items to skip.")]
SortQuery = Annotated[str, Query(description="Sort key, prefixed with '-' for descending order.")]


def get_patient_use_cases(
    http_clients: HttpClientsDep,
) -> PatientUseCases:
    """Use cases bound to the client of the data service that owns patients, and the rules' context."""
    return PatientUseCases(
        PatientClient(http_clients[DATA_SERVICE_NAME]),
        RuleContext.from_http_clients(http_clients),
    )


UseCasesDep = Annotated[
    PatientUseCases,
    Depends(get_patient_use_cases),
]


@router.post("", status_code=status.HTTP_201_CREATED)
async def create_patient(
    payload: PatientCreate,
    use_cases: UseCasesDep,
) -> PatientPublic:
    """Create one patient."""
    return await use_cases.create_patient(payload)


@router.get("")
async def list_patients(
    use_cases: UseCasesDep,
    filters: Annotated[PatientFilter, Depends()],
    limit: LimitQuery = DEFAULT_PAGE_LIMIT,
    offset: OffsetQuery = 0,
    sort: SortQuery = "created_at",
) -> Page[PatientPublic]:
    """List the patients equal to the given filters, one page at a time."""
    return await use_cases.list_patients(
        filters,
        sort=sort,
        limit=limit,
        offset=offset,
    )


@router.get("/{patient_id}")
async def get_patient(
    patient_id: UUID,
    use_cases: UseCasesDep,
) -> PatientPublic:
    """Get one patient."""
    return await use_cases.get_patient(patient_id)


@router.patch("/{patient_id}")
async def update_patient(
    patient_id: UUID,
    payload: PatientUpdate,
    use_cases: UseCasesDep,
) -> PatientPublic:
    """Change the fields of one patient that the payload sets."""
    return await use_cases.update_patient(
        patient_id,
        payload,
    )


@router.delete("/{patient_id}", status_code=status.HTTP_204_NO_CONTENT)
async def delete_patient(
    patient_id: UUID,
    use_cases: UseCasesDep,
) -> None:
    """Delete one patient."""
    await use_cases.delete_patient(patient_id)


@router.get(
    "/{patient_id}/appointments",
)
async def list_patient_appointments(
    patient_id: UUID,
    use_cases: UseCasesDep,
    limit: LimitQuery = DEFAULT_PAGE_LIMIT,
    offset: OffsetQuery = 0,
) -> Page[AppointmentPublic]:
    """List the appointments of one patient, oldest first."""
    return await use_cases.list_patient_appointments(
        patient_id,
        limit=limit,
        offset=offset,
    )
