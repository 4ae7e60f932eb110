"""Use cases of the doctor entity: the business operations the API exposes."""

# Implements: FR-002
from uuid import UUID

from shared.contracts.pagination import Page
from shared.contracts.doctor import (
    DoctorCreate,
    DoctorFilter,
    DoctorPublic,
    DoctorUpdate,
)
from src.infrastructure.http_clients.doctor_client import DoctorClient


class DoctorUseCases:
    """Operations on doctors; business rules are enforced here, storage is the data service's."""

    def __init__(self, client: DoctorClient) -> None:
        self._client = client

    async def list_doctors(
        self,
        filters: DoctorFilter,
        *,
        sort: str,
        limit: int,
        offset: int,
    ) -> Page[DoctorPublic]:
        """One page of doctors equal to ``filters``, in ``sort`` order."""
        return await self._client.list_doctors(filters, sort=sort, limit=limit, offset=offset)

    async def get_doctor(
        self,
        doctor_id: UUID,
    ) -> DoctorPublic:
        """One doctor; :class:`NotFoundError` when it does not exist."""
        return await self._client.get_doctor(doctor_id)

    async def create_doctor(
        self,
        payload: DoctorCreate,
    ) -> DoctorPublic:
        """Create one doctor; :class:`ConflictError` on a duplicate or a missing parent."""
        return await self._client.create_doctor(payload)

    async def update_doctor(
        self,
        doctor_id: UUID,
        payload: DoctorUpdate,
    ) -> DoctorPublic:
        """Change the fields of one doctor that ``payload`` sets."""
        return await self._client.update_doctor(doctor_id, payload)

    async def delete_doctor(
        self,
        doctor_id: UUID,
    ) -> None:
        """Delete one doctor; :class:`ConflictError` while other resources reference it."""
        await self._client.delete_doctor(doctor_id)
