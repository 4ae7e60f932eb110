"""Use cases of the appointment entity: the business operations the API exposes."""

# Implements: FR-003
from uuid import UUID

from shared.contracts.pagination import Page
from shared.contracts.appointment import (
    AppointmentCreate,
    AppointmentFilter,
    AppointmentPublic,
    AppointmentUpdate,
)
from src.infrastructure.http_clients.appointment_client import AppointmentClient


class AppointmentUseCases:
    """Operations on appointments; business rules are enforced here, storage is the data service's."""

    def __init__(self, client: AppointmentClient) -> None:
        self._client = client

    async def list_appointments(
        self,
        filters: AppointmentFilter,
        *,
        sort: str,
        limit: int,
        offset: int,
    ) -> Page[AppointmentPublic]:
        """One page of appointments equal to ``filters``, in ``sort`` order."""
        return await self._client.list_appointments(filters, sort=sort, limit=limit, offset=offset)

    async def get_appointment(
        self,
        appointment_id: UUID,
    ) -> AppointmentPublic:
        """One appointment; :class:`NotFoundError` when it does not exist."""
        return await self._client.get_appointment(appointment_id)

    async def create_appointment(
        self,
        payload: AppointmentCreate,
    ) -> AppointmentPublic:
        """Create one appointment; :class:`ConflictError` on a duplicate or a missing parent."""
        return await self._client.create_appointment(payload)

    async def update_appointment(
        self,
        appointment_id: UUID,
        payload: AppointmentUpdate,
    ) -> AppointmentPublic:
        """Change the fields of one appointment that ``payload`` sets."""
        return await self._client.update_appointment(appointment_id, payload)

    async def delete_appointment(
        self,
        appointment_id: UUID,
    ) -> None:
        """Delete one appointment; :class:`ConflictError` while other resources reference it."""
        await self._client.delete_appointment(appointment_id)
