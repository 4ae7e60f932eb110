"""Typed client of the availability slots of healthcare_telemedicine_data_postgres."""

# Implements: FR-002
from uuid import UUID

import httpx

from shared.contracts.pagination import Page
from shared.contracts.availability_slot import (
    AvailabilitySlotCreate,
    AvailabilitySlotFilter,
    AvailabilitySlotPublic,
    AvailabilitySlotUpdate,
)
from src.infrastructure.http_clients.base_client import DataServiceClient

DATA_SERVICE_NAME = "healthcare_telemedicine_data_postgres"
URL = "/api/v1/availability-slots"


class AvailabilitySlotClient:
    """``/api/v1/availability-slots`` of healthcare_telemedicine_data_postgres."""

    def __init__(self, http_client: httpx.AsyncClient) -> None:
        self._service = DataServiceClient(http_client, DATA_SERVICE_NAME)

    async def list_availability_slots(
        self,
        filters: AvailabilitySlotFilter,
        *,
        sort: str,
        limit: int,
        offset: int,
    ) -> Page[AvailabilitySlotPublic]:
        """One page of availability slots equal to ``filters``."""
        params = {
            **filters.model_dump(mode="json", exclude_none=True),
            "sort": sort,
            "limit": limit,
            "offset": offset,
        }
        response = await self._service.request("GET", URL, params=params)
        return Page[AvailabilitySlotPublic].model_validate(response.json())

    async def get_availability_slot(
        self,
        availability_slot_id: UUID,
    ) -> AvailabilitySlotPublic:
        """One availability slot."""
        response = await self._service.request("GET", f"{URL}/{availability_slot_id}")
        return AvailabilitySlotPublic.model_validate(response.json())

    async def create_availability_slot(
        self,
        payload: AvailabilitySlotCreate,
    ) -> AvailabilitySlotPublic:
        """Create one availability slot."""
        response = await self._service.request("POST", URL, json=payload.model_dump(mode="json"))
        return AvailabilitySlotPublic.model_validate(response.json())

    async def update_availability_slot(
        self,
        availability_slot_id: UUID,
        payload: AvailabilitySlotUpdate,
    ) -> AvailabilitySlotPublic:
        """Change the fields of one availability slot that ``payload`` sets."""
        body = payload.model_dump(mode="json", exclude_unset=True)
        response = await self._service.request(
            "PATCH",
            f"{URL}/{availability_slot_id}",
            json=body,
        )
        return AvailabilitySlotPublic.model_validate(response.json())

    async def delete_availability_slot(
        self,
        availability_slot_id: UUID,
    ) -> None:
        """Delete one availability slot."""
        await self._service.request("DELETE", f"{URL}/{availability_slot_id}")
