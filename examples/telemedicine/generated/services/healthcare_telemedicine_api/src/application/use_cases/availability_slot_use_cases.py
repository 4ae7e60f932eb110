"""Use cases of the availability slot entity: the business operations the API exposes."""

# Implements: FR-002
from uuid import UUID

from shared.contracts.pagination import Page
from shared.contracts.availability_slot import (
    AvailabilitySlotCreate,
    AvailabilitySlotFilter,
    AvailabilitySlotPublic,
    AvailabilitySlotUpdate,
)
from src.domain.rules import RuleContext, availability_slot_rules
from src.infrastructure.http_clients.availability_slot_client import (
    AvailabilitySlotClient,
)


class AvailabilitySlotUseCases:
    """Operations on availability slots: every write passes the business rules of
    ``src/domain/rules/availability_slot_rules.py`` first; storage is the data service's.
    """

    def __init__(self, client: AvailabilitySlotClient, rules: RuleContext) -> None:
        """``rules`` is what the business rules read."""
        self._client = client
        self._rules = rules

    async def list_availability_slots(
        self,
        filters: AvailabilitySlotFilter,
        *,
        sort: str,
        limit: int,
        offset: int,
    ) -> Page[AvailabilitySlotPublic]:
        """One page of availability slots equal to ``filters``, in ``sort`` order."""
        return await self._client.list_availability_slots(
            filters,
            sort=sort,
            limit=limit,
            offset=offset,
        )

    async def get_availability_slot(
        self,
        availability_slot_id: UUID,
    ) -> AvailabilitySlotPublic:
        """One availability slot; :class:`NotFoundError` when it does not exist."""
        return await self._client.get_availability_slot(
            availability_slot_id,
        )

    async def create_availability_slot(
        self,
        payload: AvailabilitySlotCreate,
    ) -> AvailabilitySlotPublic:
        """Create one availability slot once the rules accept it; :class:`ConflictError` on a duplicate or a missing parent,
        :class:`BusinessRuleViolationError` or :class:`ValidationFailedError` when a rule refuses it.
        """
        await availability_slot_rules.check_create(payload, self._rules)
        return await self._client.create_availability_slot(payload)

    async def update_availability_slot(
        self,
        availability_slot_id: UUID,
        payload: AvailabilitySlotUpdate,
    ) -> AvailabilitySlotPublic:
        """Change the fields of one availability slot that ``payload`` sets, once the rules accept the change."""
        await availability_slot_rules.check_update(
            availability_slot_id,
            payload,
            self._rules,
        )
        return await self._client.update_availability_slot(
            availability_slot_id,
            payload,
        )

    async def delete_availability_slot(
        self,
        availability_slot_id: UUID,
    ) -> None:
        """Delete one availability slot once the rules accept it; :class:`ConflictError` while other resources reference it."""
        await availability_slot_rules.check_delete(
            availability_slot_id,
            self._rules,
        )
        await self._client.delete_availability_slot(
            availability_slot_id,
        )
