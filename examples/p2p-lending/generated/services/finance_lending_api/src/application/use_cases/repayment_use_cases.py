"""Use cases of the repayment entity: the business operations the API exposes.

Events: RepaymentReceived (on updated) are published after the change is stored.
When the broker does not confirm one, :class:`EventNotPublishedError` (503) reports that the change was stored but
its event was not sent; the publisher has logged the whole event for a replay.
"""

# Implements: FR-005
from uuid import UUID

from shared.contracts.pagination import Page
from shared.contracts.repayment import (
    RepaymentCreate,
    RepaymentFilter,
    RepaymentPublic,
    RepaymentUpdate,
)
from shared.events.repayment_received import (
    RepaymentReceivedEvent,
    RepaymentReceivedPayload,
)
from shared.messaging.publisher import AnyEvent, EventPublisher, EventPublishError, LoggingEventPublisher
from shared.utils.request_id import get_request_id
from src.domain.errors import EventNotPublishedError
from src.domain.rules import RuleContext, repayment_rules
from src.infrastructure.http_clients.repayment_client import (
    RepaymentClient,
)


class RepaymentUseCases:
    """Operations on repayments: every write passes the business rules of
    ``src/domain/rules/repayment_rules.py`` first; storage is the data service's.
    """

    def __init__(
        self,
        client: RepaymentClient,
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
                f"The repayment change was stored, but its {event.event_name} event could not be sent."
            ) from error

    async def list_repayments(
        self,
        filters: RepaymentFilter,
        *,
        sort: str,
        limit: int,
        offset: int,
    ) -> Page[RepaymentPublic]:
        """One page of repayments equal to ``filters``, in ``sort`` order."""
        return await self._client.list_repayments(
            filters,
            sort=sort,
            limit=limit,
            offset=offset,
        )

    async def get_repayment(
        self,
        repayment_id: UUID,
    ) -> RepaymentPublic:
        """One repayment; :class:`NotFoundError` when it does not exist."""
        return await self._client.get_repayment(
            repayment_id,
        )

    async def create_repayment(
        self,
        payload: RepaymentCreate,
    ) -> RepaymentPublic:
        """Create one repayment once the rules accept it; :class:`ConflictError` on a duplicate or a missing parent,
        :class:`BusinessRuleViolationError` or :class:`ValidationFailedError` when a rule refuses it.
        """
        await repayment_rules.check_create(payload, self._rules)
        created = await self._client.create_repayment(payload)
        return created

    async def update_repayment(
        self,
        repayment_id: UUID,
        payload: RepaymentUpdate,
    ) -> RepaymentPublic:
        """Change the fields of one repayment that ``payload`` sets, once the rules accept the change."""
        await repayment_rules.check_update(
            repayment_id,
            payload,
            self._rules,
        )
        updated = await self._client.update_repayment(
            repayment_id,
            payload,
        )
        await self._publish(
            RepaymentReceivedEvent(
                payload=RepaymentReceivedPayload.model_validate(
                    updated,
                    from_attributes=True,
                ),
                request_id=get_request_id(),
            )
        )
        return updated

    async def delete_repayment(
        self,
        repayment_id: UUID,
    ) -> None:
        """Delete one repayment once the rules accept it; :class:`ConflictError` while other resources reference it."""
        await repayment_rules.check_delete(
            repayment_id,
            self._rules,
        )
        await self._client.delete_repayment(
            repayment_id,
        )
