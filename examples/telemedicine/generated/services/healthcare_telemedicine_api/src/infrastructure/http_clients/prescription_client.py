"""Typed client of the prescriptions of healthcare_telemedicine_data_postgres."""

# Implements: FR-005
from uuid import UUID

import httpx

from shared.contracts.pagination import Page
from shared.contracts.prescription import (
    PrescriptionCreate,
    PrescriptionFilter,
    PrescriptionPublic,
    PrescriptionUpdate,
)
from src.infrastructure.http_clients.base_client import DataServiceClient

DATA_SERVICE_NAME = "healthcare_telemedicine_data_postgres"
URL = "/api/v1/prescriptions"


class PrescriptionClient:
    """``/api/v1/prescriptions`` of healthcare_telemedicine_data_postgres."""

    def __init__(self, http_client: httpx.AsyncClient) -> None:
        self._service = DataServiceClient(http_client, DATA_SERVICE_NAME)

    async def list_prescriptions(
        self,
        filters: PrescriptionFilter,
        *,
        sort: str,
        limit: int,
        offset: int,
    ) -> Page[PrescriptionPublic]:
        """One page of prescriptions equal to ``filters``."""
        params = {
            **filters.model_dump(mode="json", exclude_none=True),
            "sort": sort,
            "limit": limit,
            "offset": offset,
        }
        response = await self._service.request("GET", URL, params=params)
        return Page[PrescriptionPublic].model_validate(response.json())

    async def get_prescription(
        self,
        prescription_id: UUID,
    ) -> PrescriptionPublic:
        """One prescription."""
        response = await self._service.request("GET", f"{URL}/{prescription_id}")
        return PrescriptionPublic.model_validate(response.json())

    async def create_prescription(
        self,
        payload: PrescriptionCreate,
    ) -> PrescriptionPublic:
        """Create one prescription."""
        response = await self._service.request("POST", URL, json=payload.model_dump(mode="json"))
        return PrescriptionPublic.model_validate(response.json())

    async def update_prescription(
        self,
        prescription_id: UUID,
        payload: PrescriptionUpdate,
    ) -> PrescriptionPublic:
        """Change the fields of one prescription that ``payload`` sets."""
        body = payload.model_dump(mode="json", exclude_unset=True)
        response = await self._service.request(
            "PATCH",
            f"{URL}/{prescription_id}",
            json=body,
        )
        return PrescriptionPublic.model_validate(response.json())

    async def delete_prescription(
        self,
        prescription_id: UUID,
    ) -> None:
        """Delete one prescription."""
        await self._service.request("DELETE", f"{URL}/{prescription_id}")
