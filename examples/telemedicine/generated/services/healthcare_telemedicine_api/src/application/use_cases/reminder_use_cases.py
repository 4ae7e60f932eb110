"""Use cases of the reminder entity: the business operations the API exposes.

Events: ReminderDue (on updated) are published after the change is stored.
When the broker does not confirm one, :class:`EventNotPublishedError` (503) reports that the change was stored but
its event was not sent; the publisher has logged the whole event for a replay.
"""

# Implements: FR-006
from uuid import UUID

from shared.contracts.pagination import Page
from shared.contracts.reminder import (
    ReminderCreate,
    ReminderFilter,
    ReminderPublic,
    ReminderUpdate,
)
from shared.events.reminder_due import (
    ReminderDueEvent,
    ReminderDuePayload,
)
from shared.messaging.publisher import AnyEvent, EventPublisher, EventPublishError, LoggingEventPublisher
from shared.utils.request_id import get_request_id
from src.domain.errors import EventNotPublishedError
from src.domain.rules import RuleContext, reminder_rules
from src.infrastructure.http_clients.reminder_client import (
    ReminderClient,
)


class ReminderUseCases:
    """Operations on reminders: every write passes the business rules of
    ``src/domain/rules/reminder_rules.py`` first; storage is the data service's.
    """

    def __init__(
        self,
        client: ReminderClient,
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
                f"The reminder change was stored, but its {event.event_name} event could not be sent."
            ) from error

    async def list_reminders(
        self,
        filters: ReminderFilter,
        *,
        sort: str,
        limit: int,
        offset: int,
    ) -> Page[ReminderPublic]:
        """One page of reminders equal to ``filters``, in ``sort`` order."""
        return await self._client.list_reminders(
            filters,
            sort=sort,
            limit=limit,
            offset=offset,
        )

    async def get_reminder(
        self,
        reminder_id: UUID,
    ) -> ReminderPublic:
        """One reminder; :class:`NotFoundError` when it does not exist."""
        return await self._client.get_reminder(
            reminder_id,
        )

    async def create_reminder(
        self,
        payload: ReminderCreate,
    ) -> ReminderPublic:
        """Create one reminder once the rules accept it; :class:`ConflictError` on a duplicate or a missing parent,
        :class:`BusinessRuleViolationError` or :class:`ValidationFailedError` when a rule refuses it.
        """
        await reminder_rules.check_create(payload, self._rules)
        created = await self._client.create_reminder(payload)
        return created

    async def update_reminder(
        self,
        reminder_id: UUID,
        payload: ReminderUpdate,
    ) -> ReminderPublic:
        """Change the fields of one reminder that ``payload`` sets, once the rules accept the change."""
        await reminder_rules.check_update(
            reminder_id,
            payload,
            self._rules,
        )
        updated = await self._client.update_reminder(
            reminder_id,
            payload,
        )
        await self._publish(
            ReminderDueEvent(
                payload=ReminderDuePayload.model_validate(
                    updated,
                    from_attributes=True,
                ),
                request_id=get_request_id(),
            )
        )
        return updated

    async def delete_reminder(
        self,
        reminder_id: UUID,
    ) -> None:
        """Delete one reminder once the rules accept it; :class:`ConflictError` while other resources reference it."""
        await reminder_rules.check_delete(
            reminder_id,
            self._rules,
        )
        await self._client.delete_reminder(
            reminder_id,
        )
