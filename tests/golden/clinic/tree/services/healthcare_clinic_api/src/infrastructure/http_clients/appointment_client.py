"""Typed client of the appointments of healthcare_clinic_data_postgres."""

# Implements: FR-003
from uuid import UUID

import httpx

from shared.contracts.pagination import Page
from shared.contracts.appointment import (
    AppointmentCreate,
    AppointmentFilter,
    AppointmentPublic,
    AppointmentUpdate,
)
from src.infrastructure.http_clients.base_client import DataServiceClient

DATA_SERVICE_NAME = "healthcare_clinic_data_postgres"
URL = "/api/v1/appointments"


class AppointmentClient:
    """``/api/v1/appointments`` of healthcare_clinic_data_postgres."""

    def __init__(self, http_client: httpx.AsyncClient) -> None:
        self._service = DataServiceClient(http_client, DATA_SERVICE_NAME)

    async def list_appointments(
        self,
        filters: AppointmentFilter,
        *,
        sort: str,
        limit: int,
        offset: int,
    ) -> Page[AppointmentPublic]:
        """One page of appointments equal to ``filters``."""
        params = {
            **filters.model_dump(mode="json", exclude_none=True),
            "sort": sort,
            "limit": limit,
            "offset": offset,
        }
        response = await self._service.request("GET", URL, params=params)
        return Page[AppointmentPublic].model_validate(response.json())

    async def get_appointment(
        self,
        appointment_id: UUID,
    ) -> AppointmentPublic:
        """One appointment."""
        response = await self._service.request("GET", f"{URL}/{appointment_id}")
        return AppointmentPublic.model_validate(response.json())

    async def create_appointment(
        self,
        payload: AppointmentCreate,
    ) -> AppointmentPublic:
        """Create one appointment."""
        response = await self._service.request("POST", URL, json=payload.model_dump(mode="json"))
        return AppointmentPublic.model_validate(response.json())

    async def update_appointment(
        self,
        appointment_id: UUID,
        payload: AppointmentUpdate,
    ) -> AppointmentPublic:
        """Change the fields of one appointment that ``payload`` sets."""
        body = payload.model_dump(mode="json", exclude_unset=True)
        response = await self._service.request(
            "PATCH",
            f"{URL}/{appointment_id}",
            json=body,
        )
        return AppointmentPublic.model_validate(response.json())

    async def delete_appointment(
        self,
        appointment_id: UUID,
    ) -> None:
        """Delete one appointment."""
        await self._service.request("DELETE", f"{URL}/{appointment_id}")
