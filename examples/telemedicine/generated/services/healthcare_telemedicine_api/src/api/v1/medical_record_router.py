"""HTTP endpoints of the medical record entity: ``/api/v1/medical-records``."""

# Implements: FR-004
from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Depends, Query, status

from shared.contracts.prescription import (
    PrescriptionPublic,
)
from shared.contracts.pagination import DEFAULT_PAGE_LIMIT, MAX_PAGE_LIMIT, Page
from shared.contracts.medical_record import (
    MedicalRecordCreate,
    MedicalRecordFilter,
    MedicalRecordPublic,
    MedicalRecordUpdate,
)
from src.api.dependencies import HttpClientsDep
from src.application.use_cases.medical_record_use_cases import (
    MedicalRecordUseCases,
)
from src.domain.rules import RuleContext
from src.infrastructure.http_clients.medical_record_client import (
    DATA_SERVICE_NAME,
    MedicalRecordClient,
)

router = APIRouter(
    prefix="/medical-records",
    tags=["medical records"],
)

LimitQuery = Annotated[int, Query(ge=1, le=MAX_PAGE_LIMIT, description="Maximum number of items to return.")]
OffsetQuery = Annotated[int, Query(ge=0, description="Number of items to skip.")]
SortQuery = Annotated[str, Query(description="Sort key, prefixed with '-' for descending order.")]


def get_medical_record_use_cases(
    http_clients: HttpClientsDep,
) -> MedicalRecordUseCases:
    """Use cases bound to the client of the data service that owns medical records, and the rules' context."""
    return MedicalRecordUseCases(
        MedicalRecordClient(http_clients[DATA_SERVICE_NAME]),
        RuleContext.from_http_clients(http_clients),
    )


UseCasesDep = Annotated[
    MedicalRecordUseCases,
    Depends(get_medical_record_use_cases),
]


@router.post("", status_code=status.HTTP_201_CREATED)
async def create_medical_record(
    payload: MedicalRecordCreate,
    use_cases: UseCasesDep,
) -> MedicalRecordPublic:
    """Create one medical record."""
    return await use_cases.create_medical_record(payload)


@router.get("")
async def list_medical_records(
    use_cases: UseCasesDep,
    filters: Annotated[MedicalRecordFilter, Depends()],
    limit: LimitQuery = DEFAULT_PAGE_LIMIT,
    offset: OffsetQuery = 0,
    sort: SortQuery = "created_at",
) -> Page[MedicalRecordPublic]:
    """List the medical records equal to the given filters, one page at a time."""
    return await use_cases.list_medical_records(
        filters,
        sort=sort,
        limit=limit,
        offset=offset,
    )


@router.get("/{medical_record_id}")
async def get_medical_record(
    medical_record_id: UUID,
    use_cases: UseCasesDep,
) -> MedicalRecordPublic:
    """Get one medical record."""
    return await use_cases.get_medical_record(medical_record_id)


@router.patch("/{medical_record_id}")
async def update_medical_record(
    medical_record_id: UUID,
    payload: MedicalRecordUpdate,
    use_cases: UseCasesDep,
) -> MedicalRecordPublic:
    """Change the fields of one medical record that the payload sets."""
    return await use_cases.update_medical_record(
        medical_record_id,
        payload,
    )


@router.delete("/{medical_record_id}", status_code=status.HTTP_204_NO_CONTENT)
async def delete_medical_record(
    medical_record_id: UUID,
    use_cases: UseCasesDep,
) -> None:
    """Delete one medical record."""
    await use_cases.delete_medical_record(medical_record_id)


@router.get(
    "/{medical_record_id}/prescriptions",
)
async def list_medical_record_prescriptions(
    medical_record_id: UUID,
    use_cases: UseCasesDep,
    limit: LimitQuery = DEFAULT_PAGE_LIMIT,
    offset: OffsetQuery = 0,
) -> Page[PrescriptionPublic]:
    """List the prescriptions of one medical record, oldest first."""
    return await use_cases.list_medical_record_prescriptions(
        medical_record_id,
        limit=limit,
        offset=offset,
    )
