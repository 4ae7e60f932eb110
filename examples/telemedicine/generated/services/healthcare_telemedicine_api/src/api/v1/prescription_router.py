"""HTTP endpoints of the prescription entity: ``/api/v1/prescriptions``."""

# Implements: FR-005
from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Depends, Query, status

from shared.contracts.pagination import DEFAULT_PAGE_LIMIT, MAX_PAGE_LIMIT, Page
from shared.contracts.prescription import (
    PrescriptionCreate,
    PrescriptionFilter,
    PrescriptionPublic,
    PrescriptionUpdate,
)
from src.api.dependencies import HttpClientsDep
from src.application.use_cases.prescription_use_cases import (
    PrescriptionUseCases,
)
from src.domain.rules import RuleContext
from src.infrastructure.http_clients.prescription_client import (
    DATA_SERVICE_NAME,
    PrescriptionClient,
)

router = APIRouter(
    prefix="/prescriptions",
    tags=["prescriptions"],
)

LimitQuery = Annotated[int, Query(ge=1, le=MAX_PAGE_LIMIT, description="Maximum number of items to return.")]
OffsetQuery = Annotated[int, Query(ge=0, description="Number of items to skip.")]
SortQuery = Annotated[str, Query(description="Sort key, prefixed with '-' for descending order.")]


def get_prescription_use_cases(
    http_clients: HttpClientsDep,
) -> PrescriptionUseCases:
    """Use cases bound to the client of the data service that owns prescriptions, and the rules' context."""
    return PrescriptionUseCases(
        PrescriptionClient(http_clients[DATA_SERVICE_NAME]),
        RuleContext.from_http_clients(http_clients),
    )


UseCasesDep = Annotated[
    PrescriptionUseCases,
    Depends(get_prescription_use_cases),
]


@router.post("", status_code=status.HTTP_201_CREATED)
async def create_prescription(
    payload: PrescriptionCreate,
    use_cases: UseCasesDep,
) -> PrescriptionPublic:
    """Create one prescription."""
    return await use_cases.create_prescription(payload)


@router.get("")
async def list_prescriptions(
    use_cases: UseCasesDep,
    filters: Annotated[PrescriptionFilter, Depends()],
    limit: LimitQuery = DEFAULT_PAGE_LIMIT,
    offset: OffsetQuery = 0,
    sort: SortQuery = "created_at",
) -> Page[PrescriptionPublic]:
    """List the prescriptions equal to the given filters, one page at a time."""
    return await use_cases.list_prescriptions(
        filters,
        sort=sort,
        limit=limit,
        offset=offset,
    )


@router.get("/{prescription_id}")
async def get_prescription(
    prescription_id: UUID,
    use_cases: UseCasesDep,
) -> PrescriptionPublic:
    """Get one prescription."""
    return await use_cases.get_prescription(prescription_id)


@router.patch("/{prescription_id}")
async def update_prescription(
    prescription_id: UUID,
    payload: PrescriptionUpdate,
    use_cases: UseCasesDep,
) -> PrescriptionPublic:
    """Change the fields of one prescription that the payload sets."""
    return await use_cases.update_prescription(
        prescription_id,
        payload,
    )


@router.delete("/{prescription_id}", status_code=status.HTTP_204_NO_CONTENT)
async def delete_prescription(
    prescription_id: UUID,
    use_cases: UseCasesDep,
) -> None:
    """Delete one prescription."""
    await use_cases.delete_prescription(prescription_id)
