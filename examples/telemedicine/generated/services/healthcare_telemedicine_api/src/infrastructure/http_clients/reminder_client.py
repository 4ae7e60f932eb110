"""Typed client of the reminders of healthcare_telemedicine_data_postgres."""

# Implements: FR-006
from uuid import UUID

import httpx

from shared.contracts.pagination import Page
from shared.contracts.reminder import (
    ReminderCreate,
    ReminderFilter,
    ReminderPublic,
    ReminderUpdate,
)
from src.infrastructure.http_clients.base_client import DataServiceClient

DATA_SERVICE_NAME = "healthcare_telemedicine_data_postgres"
URL = "/api/v1/reminders"


class ReminderClient:
    """``/api/v1/reminders`` of healthcare_telemedicine_data_postgres."""

    def __init__(self, http_client: httpx.AsyncClient) -> None:
        self._service = DataServiceClient(http_client, DATA_SERVICE_NAME)

    async def list_reminders(
        self,
        filters: ReminderFilter,
        *,
        sort: str,
        limit: int,
        offset: int,
    ) -> Page[ReminderPublic]:
        """One page of reminders equal to ``filters``."""
        params = {
            **filters.model_dump(mode="json", exclude_none=True),
            "sort": sort,
            "limit": limit,
            "offset": offset,
        }
        response = await self._service.request("GET", URL, params=params)
        return Page[ReminderPublic].model_validate(response.json())

    async def get_reminder(
        self,
        reminder_id: UUID,
    ) -> ReminderPublic:
        """One reminder."""
        response = await self._service.request("GET", f"{URL}/{reminder_id}")
        return ReminderPublic.model_validate(response.json())

    async def create_reminder(
        self,
        payload: ReminderCreate,
    ) -> ReminderPublic:
        """Create one reminder."""
        response = await self._service.request("POST", URL, json=payload.model_dump(mode="json"))
        return ReminderPublic.model_validate(response.json())

    async def update_reminder(
        self,
        reminder_id: UUID,
        payload: ReminderUpdate,
    ) -> ReminderPublic:
        """Change the fields of one reminder that ``payload`` sets."""
        body = payload.model_dump(mode="json", exclude_unset=True)
        response = await self._service.request(
            "PATCH",
            f"{URL}/{reminder_id}",
            json=body,
        )
        return ReminderPublic.model_validate(response.json())

    async def delete_reminder(
        self,
        reminder_id: UUID,
    ) -> None:
        """Delete one reminder."""
        await self._service.request("DELETE", f"{URL}/{reminder_id}")
