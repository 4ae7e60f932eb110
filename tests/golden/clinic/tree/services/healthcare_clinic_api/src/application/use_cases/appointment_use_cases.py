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
from src.domain.rules import RuleContext, appointment_rules
from src.infrastructure.http_clients.appointment_client import (
    AppointmentClient,
)


class AppointmentUseCases:
    """Operations on appointments: every write passes the business rules of
    ``src/domain/rules/appointment_rules.py`` first; storage is the data service's.
    """

    def __init__(self, client: AppointmentClient, rules: RuleContext) -> None:
        """``rules`` is what the business rules read."""
        self._client = client
        self._rules = rules

    async def list_appointments(
        self,
        filters: AppointmentFilter,
        *,
        sort: str,
        limit: int,
        offset: int,
    ) -> Page[AppointmentPublic]:
        """One page of appointments equal to ``filters``, in ``sort`` order."""
        return await self._client.list_appointments(
            filters,
            sort=sort,
            limit=limit,
            offset=offset,
        )

    async def get_appointment(
        self,
        appointment_id: UUID,
    ) -> AppointmentPublic:
        """One appointment; :class:`NotFoundError` when it does not exist."""
        return await self._client.get_appointment(
            appointment_id,
        )

    async def create_appointment(
        self,
        payload: AppointmentCreate,
    ) -> AppointmentPublic:
        """Create one appointment once the rules accept it; :class:`ConflictError` on a duplicate or a missing parent,
        :class:`BusinessRuleViolationError` or :class:`ValidationFailedError` when a rule refuses it.
        """
        await appointment_rules.check_create(payload, self._rules)
        return await self._client.create_appointment(payload)

    async def update_appointment(
        self,
        appointment_id: UUID,
        payload: AppointmentUpdate,
    ) -> AppointmentPublic:
        """Change the fields of one appointment that ``payload`` sets, once the rules accept the change."""
        await appointment_rules.check_update(
            appointment_id,
            payload,
            self._rules,
        )
        return await self._client.update_appointment(
            appointment_id,
            payload,
        )

    async def delete_appointment(
        self,
        appointment_id: UUID,
    ) -> None:
        """Delete one appointment once the rules accept it; :class:`ConflictError` while other resources reference it."""
        await appointment_rules.check_delete(
            appointment_id,
            self._rules,
        )
        await self._client.delete_appointment(
            appointment_id,
        )
