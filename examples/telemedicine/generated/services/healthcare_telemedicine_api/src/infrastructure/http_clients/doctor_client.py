"""Typed client of the doctors of healthcare_telemedicine_data_postgres."""

# Implements: FR-002
from uuid import UUID

import httpx

from shared.contracts.availability_slot import (
    AvailabilitySlotPublic,
)
from shared.contracts.pagination import Page
from shared.contracts.doctor import (
    DoctorCreate,
    DoctorFilter,
    DoctorPublic,
    DoctorUpdate,
)
from src.infrastructure.http_clients.base_client import DataServiceClient

DATA_SERVICE_NAME = "healthcare_telemedicine_data_postgres"
URL = "/api/v1/doctors"


class DoctorClient:
    """``/api/v1/doctors`` of healthcare_telemedicine_data_postgres."""

    def __init__(self, http_client: httpx.AsyncClient) -> None:
        self._service = DataServiceClient(http_client, DATA_SERVICE_NAME)

    async def list_doctors(
        self,
        filters: DoctorFilter,
        *,
        sort: str,
        limit: int,
        offset: int,
    ) -> Page[DoctorPublic]:
        """One page of doctors equal to ``filters``."""
        params = {
            **filters.model_dump(mode="json", exclude_none=True),
            "sort": sort,
            "limit": limit,
            "offset": offset,
        }
        response = await self._service.request("GET", URL, params=params)
        return Page[DoctorPublic].model_validate(response.json())

    async def get_doctor(
        self,
        doctor_id: UUID,
    ) -> DoctorPublic:
        """One doctor."""
        response = await self._service.request("GET", f"{URL}/{doctor_id}")
        return DoctorPublic.model_validate(response.json())

    async def create_doctor(
        self,
        payload: DoctorCreate,
    ) -> DoctorPublic:
        """Create one doctor."""
        response = await self._service.request("POST", URL, json=payload.model_dump(mode="json"))
        return DoctorPublic.model_validate(response.json())

    async def update_doctor(
        self,
        doctor_id: UUID,
        payload: DoctorUpdate,
    ) -> DoctorPublic:
        """Change the fields of one doctor that ``payload`` sets."""
        body = payload.model_dump(mode="json", exclude_unset=True)
        response = await self._service.request(
            "PATCH",
            f"{URL}/{doctor_id}",
            json=body,
        )
        return DoctorPublic.model_validate(response.json())

    async def delete_doctor(
        self,
        doctor_id: UUID,
    ) -> None:
        """Delete one doctor."""
        await self._service.request("DELETE", f"{URL}/{doctor_id}")

    async def list_doctor_slots(
        self,
        doctor_id: UUID,
        *,
        limit: int,
        offset: int,
    ) -> Page[AvailabilitySlotPublic]:
        """One page of the slots of one doctor."""
        url = f"{URL}/{doctor_id}/availability-slots"
        response = await self._service.request("GET", url, params={"limit": limit, "offset": offset})
        return Page[AvailabilitySlotPublic].model_validate(response.json())
