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
    MEDICAL_RECORD_SORT_KEYS,
    MedicalRecordCreate,
    MedicalRecordFilter,
    MedicalRecordPublic,
    MedicalRecordUpdate,
)
from src.api.dependencies import UnitOfWorkDep
from src.domain.sorting import DEFAULT_SORT, SortOrder, parse_sort

router = APIRouter(
    prefix="/medical-records",
    tags=["medical records"],
)

LimitQuery = Annotated[int, Query(ge=1, le=MAX_PAGE_LIMIT, description="Maximum number of items to return.")]
OffsetQuery = Annotated[int, Query(ge=0, description="Number of items to skip.")]
SortQuery = Annotated[str, Query(description="Sort key, prefixed with '-' for descending order.")]


@router.post("", status_code=status.HTTP_201_CREATED)
async def create_medical_record(
    payload: MedicalRecordCreate,
    unit_of_work: UnitOfWorkDep,
) -> MedicalRecordPublic:
    """Create one medical record."""
    created = await unit_of_work.medical_records.create(payload.model_dump())
    await unit_of_work.commit()
    return MedicalRecordPublic.model_validate(created)


@router.get("")
async def list_medical_records(
    unit_of_work: UnitOfWorkDep,
    filters: Annotated[MedicalRecordFilter, Depends()],
    limit: LimitQuery = DEFAULT_PAGE_LIMIT,
    offset: OffsetQuery = 0,
    sort: SortQuery = DEFAULT_SORT,
) -> Page[MedicalRecordPublic]:
    """List the medical records equal to the given filters, one page at a time."""
    rows, total = await unit_of_work.medical_records.list_page(
        filters=filters.model_dump(exclude_none=True),
        sort=parse_sort(sort, MEDICAL_RECORD_SORT_KEYS),
        limit=limit,
        offset=offset,
    )
    items = [MedicalRecordPublic.model_validate(row) for row in rows]
    return Page[MedicalRecordPublic](items=items, total=total, limit=limit, offset=offset)


@router.get("/{medical_record_id}")
async def get_medical_record(
    medical_record_id: UUID,
    unit_of_work: UnitOfWorkDep,
) -> MedicalRecordPublic:
    """Get one medical record."""
    found = await unit_of_work.medical_records.get(
        medical_record_id,
    )
    return MedicalRecordPublic.model_validate(found)


@router.patch("/{medical_record_id}")
async def update_medical_record(
    medical_record_id: UUID,
    payload: MedicalRecordUpdate,
    unit_of_work: UnitOfWorkDep,
) -> MedicalRecordPublic:
    """Change the fields of one medical record that the payload sets."""
    values = payload.model_dump(exclude_unset=True)
    updated = await unit_of_work.medical_records.update(
        medical_record_id,
        values,
    )
    await unit_of_work.commit()
    return MedicalRecordPublic.model_validate(updated)


@router.delete("/{medical_record_id}", status_code=status.HTTP_204_NO_CONTENT)
async def delete_medical_record(
    medical_record_id: UUID,
    unit_of_work: UnitOfWorkDep,
) -> None:
    """Delete one medical record."""
    await unit_of_work.medical_records.delete(medical_record_id)
    await unit_of_work.commit()


@router.get("/{medical_record_id}/prescriptions")
async def list_medical_record_prescriptions(
    medical_record_id: UUID,
    unit_of_work: UnitOfWorkDep,
    limit: LimitQuery = DEFAULT_PAGE_LIMIT,
    offset: OffsetQuery = 0,
) -> Page[PrescriptionPublic]:
    """List the prescriptions of one medical record, oldest first."""
    await unit_of_work.medical_records.get(medical_record_id)
    rows, total = await unit_of_work.prescriptions.list_page(
        filters={"medical_record_id": medical_record_id},
        sort=SortOrder(key=DEFAULT_SORT),
        limit=limit,
        offset=offset,
    )
    items = [PrescriptionPublic.model_validate(row) for row in rows]
    return Page[PrescriptionPublic](items=items, total=total, limit=limit, offset=offset)
