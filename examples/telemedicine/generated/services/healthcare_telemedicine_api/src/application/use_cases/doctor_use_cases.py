"""Use cases of the doctor entity: the business operations the API exposes."""

# Implements: FR-002
from uuid import UUID

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
from src.domain.rules import RuleContext, doctor_rules
from src.infrastructure.http_clients.doctor_client import (
    DoctorClient,
)


class DoctorUseCases:
    """Operations on doctors: every write passes the business rules of
    ``src/domain/rules/doctor_rules.py`` first; storage is the data service's.
    """

    def __init__(self, client: DoctorClient, rules: RuleContext) -> None:
        """``rules`` is what the business rules read."""
        self._client = client
        self._rules = rules

    async def list_doctors(
        self,
        filters: DoctorFilter,
        *,
        sort: str,
        limit: int,
        offset: int,
    ) -> Page[DoctorPublic]:
        """One page of doctors equal to ``filters``, in ``sort`` order."""
        return await self._client.list_doctors(
            filters,
            sort=sort,
            limit=limit,
            offset=offset,
        )

    async def get_doctor(
        self,
        doctor_id: UUID,
    ) -> DoctorPublic:
        """One doctor; :class:`NotFoundError` when it does not exist."""
        return await self._client.get_doctor(
            doctor_id,
        )

    async def create_doctor(
        self,
        payload: DoctorCreate,
    ) -> DoctorPublic:
        """Create one doctor once the rules accept it; :class:`ConflictError` on a duplicate or a missing parent,
        :class:`BusinessRuleViolationError` or :class:`ValidationFailedError` when a rule refuses it.
        """
        await doctor_rules.check_create(payload, self._rules)
        return await self._client.create_doctor(payload)

    async def update_doctor(
        self,
        doctor_id: UUID,
        payload: DoctorUpdate,
    ) -> DoctorPublic:
        """Change the fields of one doctor that ``payload`` sets, once the rules accept the change."""
        await doctor_rules.check_update(
            doctor_id,
            payload,
            self._rules,
        )
        return await self._client.update_doctor(
            doctor_id,
            payload,
        )

    async def delete_doctor(
        self,
        doctor_id: UUID,
    ) -> None:
        """Delete one doctor once the rules accept it; :class:`ConflictError` while other resources reference it."""
        await doctor_rules.check_delete(
            doctor_id,
            self._rules,
        )
        await self._client.delete_doctor(
            doctor_id,
        )

    async def list_doctor_slots(
        self,
        doctor_id: UUID,
        *,
        limit: int,
        offset: int,
    ) -> Page[AvailabilitySlotPublic]:
        """One page of the slots of one doctor."""
        return await self._client.list_doctor_slots(
            doctor_id,
            limit=limit,
            offset=offset,
        )
