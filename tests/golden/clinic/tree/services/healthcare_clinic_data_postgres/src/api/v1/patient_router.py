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
    PATIENT_SORT_KEYS,
    PatientCreate,
    PatientFilter,
    PatientPublic,
    PatientUpdate,
)
from src.api.dependencies import UnitOfWorkDep
from src.domain.sorting import DEFAULT_SORT, SortOrder, parse_sort

router = APIRouter(
    prefix="/patients",
    tags=["patients"],
)

LimitQuery = Annotated[int, Query(ge=1, le=MAX_PAGE_LIMIT, description="Maximum number of items to return.")]
OffsetQuery = Annotated[int, Query(ge=0, description="Number of items to skip.")]
SortQuery = Annotated[str, Query(description="Sort key, prefixed with '-' for descending order.")]


@router.post("", status_code=status.HTTP_201_CREATED)
async def create_patient(
    payload: PatientCreate,
    unit_of_work: UnitOfWorkDep,
) -> PatientPublic:
    """Create one patient."""
    created = await unit_of_work.patients.create(payload.model_dump())
    await unit_of_work.commit()
    return PatientPublic.model_validate(created)


@router.get("")
async def list_patients(
    unit_of_work: UnitOfWorkDep,
    filters: Annotated[PatientFilter, Depends()],
    limit: LimitQuery = DEFAULT_PAGE_LIMIT,
    offset: OffsetQuery = 0,
    sort: SortQuery = DEFAULT_SORT,
) -> Page[PatientPublic]:
    """List the patients equal to the given filters, one page at a time."""
    rows, total = await unit_of_work.patients.list_page(
        filters=filters.model_dump(exclude_none=True),
        sort=parse_sort(sort, PATIENT_SORT_KEYS),
        limit=limit,
        offset=offset,
    )
    items = [PatientPublic.model_validate(row) for row in rows]
    return Page[PatientPublic](items=items, total=total, limit=limit, offset=offset)


@router.get("/{patient_id}")
async def get_patient(
    patient_id: UUID,
    unit_of_work: UnitOfWorkDep,
) -> PatientPublic:
    """Get one patient."""
    found = await unit_of_work.patients.get(
        patient_id,
    )
    return PatientPublic.model_validate(found)


@router.patch("/{patient_id}")
async def update_patient(
    patient_id: UUID,
    payload: PatientUpdate,
    unit_of_work: UnitOfWorkDep,
) -> PatientPublic:
    """Change the fields of one patient that the payload sets."""
    values = payload.model_dump(exclude_unset=True)
    updated = await unit_of_work.patients.update(
        patient_id,
        values,
    )
    await unit_of_work.commit()
    return PatientPublic.model_validate(updated)


@router.delete("/{patient_id}", status_code=status.HTTP_204_NO_CONTENT)
async def delete_patient(
    patient_id: UUID,
    unit_of_work: UnitOfWorkDep,
) -> None:
    """Delete one patient."""
    await unit_of_work.patients.delete(patient_id)
    await unit_of_work.commit()


@router.get("/{patient_id}/appointments")
async def list_patient_appointments(
    patient_id: UUID,
    unit_of_work: UnitOfWorkDep,
    limit: LimitQuery = DEFAULT_PAGE_LIMIT,
    offset: OffsetQuery = 0,
) -> Page[AppointmentPublic]:
    """List the appointments of one patient, oldest first."""
    await unit_of_work.patients.get(patient_id)
    rows, total = await unit_of_work.appointments.list_page(
        filters={"patient_id": patient_id},
        sort=SortOrder(key=DEFAULT_SORT),
        limit=limit,
        offset=offset,
    )
    items = [AppointmentPublic.model_validate(row) for row in rows]
    return Page[AppointmentPublic](items=items, total=total, limit=limit, offset=offset)
