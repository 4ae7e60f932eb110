"""Use cases of the appointment entity: the business operations the API exposes.

Events: AppointmentBooked (on created) are published after the change is stored.
When the broker does not confirm one, :class:`EventNotPublishedError` (503) reports that the change was stored but
its event was not sent; the publisher has logged the whole event for a replay.
"""

# Implements: FR-003
from uuid import UUID

from shared.contracts.pagination import Page
from shared.contracts.appointment import (
    AppointmentCreate,
    AppointmentFilter,
    AppointmentPublic,
    AppointmentUpdate,
)
from shared.events.appointment_booked import (
    AppointmentBookedEvent,
    AppointmentBookedPayload,
)
from shared.messaging.publisher import AnyEvent, EventPublisher, EventPublishError, LoggingEventPublisher
from shared.utils.request_id import get_request_id
from src.domain.errors import EventNotPublishedError
from src.domain.rules import RuleContext, appointment_rules
from src.infrastructure.http_clients.appointment_client import (
    AppointmentClient,
)


class AppointmentUseCases:
    """Operations on appointments: every write passes the business rules of
    ``src/domain/rules/appointment_rules.py`` first; storage is the data service's.
    """

    def __init__(
        self,
        client: AppointmentClient,
        rules: RuleContext,
        publisher: EventPublisher | None = None,
    ) -> None:
        """``rules`` is what the business rules read; ``publisher`` defaults to one that only logs the events
        (development mode).
        """
        self._client = client
        self._rules = rules
        self._publisher = publisher if publisher is not None else LoggingEventPublisher()

    async def _publish(self, event: AnyEvent) -> None:
        try:
            await self._publisher.publish(event)
        except EventPublishError as error:
            raise EventNotPublishedError(
                f"The appointment change was stored, but its {event.event_name} event could not be sent."
            ) from error

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
        created = await self._client.create_appointment(payload)
        await self._publish(
            AppointmentBookedEvent(
                payload=AppointmentBookedPayload.model_validate(
                    created,
                    from_attributes=True,
                ),
                request_id=get_request_id(),
            )
        )
        return created

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
        updated = await self._client.update_appointment(
            appointment_id,
            payload,
        )
        return updated

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
