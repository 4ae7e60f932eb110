"""Use cases of the borrower entity: the business operations the API exposes.

Events: BorrowerRegistered (on created) are published after the change is stored.
When the broker does not confirm one, :class:`EventNotPublishedError` (503) reports that the change was stored but
its event was not sent; the publisher has logged the whole event for a replay.
"""

# Implements: FR-001
from uuid import UUID

from shared.contracts.loan_application import (
    LoanApplicationPublic,
)
from shared.contracts.pagination import Page
from shared.contracts.borrower import (
    BorrowerCreate,
    BorrowerFilter,
    BorrowerPublic,
    BorrowerUpdate,
)
from shared.events.borrower_registered import (
    BorrowerRegisteredEvent,
    BorrowerRegisteredPayload,
)
from shared.messaging.publisher import AnyEvent, EventPublisher, EventPublishError, LoggingEventPublisher
from shared.utils.request_id import get_request_id
from src.domain.errors import EventNotPublishedError
from src.domain.rules import RuleContext, borrower_rules
from src.infrastructure.http_clients.borrower_client import (
    BorrowerClient,
)


class BorrowerUseCases:
    """Operations on borrowers: every write passes the business rules of
    ``src/domain/rules/borrower_rules.py`` first; storage is the data service's.
    """

    def __init__(
        self,
        client: BorrowerClient,
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
                f"The borrower change was stored, but its {event.event_name} event could not be sent."
            ) from error

    async def list_borrowers(
        self,
        filters: BorrowerFilter,
        *,
        sort: str,
        limit: int,
        offset: int,
    ) -> Page[BorrowerPublic]:
        """One page of borrowers equal to ``filters``, in ``sort`` order."""
        return await self._client.list_borrowers(
            filters,
            sort=sort,
            limit=limit,
            offset=offset,
        )

    async def get_borrower(
        self,
        borrower_id: UUID,
    ) -> BorrowerPublic:
        """One borrower; :class:`NotFoundError` when it does not exist."""
        return await self._client.get_borrower(
            borrower_id,
        )

    async def create_borrower(
        self,
        payload: BorrowerCreate,
    ) -> BorrowerPublic:
        """Create one borrower once the rules accept it; :class:`ConflictError` on a duplicate or a missing parent,
        :class:`BusinessRuleViolationError` or :class:`ValidationFailedError` when a rule refuses it.
        """
        await borrower_rules.check_create(payload, self._rules)
        created = await self._client.create_borrower(payload)
        await self._publish(
            BorrowerRegisteredEvent(
                payload=BorrowerRegisteredPayload.model_validate(
                    created,
                    from_attributes=True,
                ),
                request_id=get_request_id(),
            )
        )
        return created

    async def update_borrower(
        self,
        borrower_id: UUID,
        payload: BorrowerUpdate,
    ) -> BorrowerPublic:
        """Change the fields of one borrower that ``payload`` sets, once the rules accept the change."""
        await borrower_rules.check_update(
            borrower_id,
            payload,
            self._rules,
        )
        updated = await self._client.update_borrower(
            borrower_id,
            payload,
        )
        return updated

    async def delete_borrower(
        self,
        borrower_id: UUID,
    ) -> None:
        """Delete one borrower once the rules accept it; :class:`ConflictError` while other resources reference it."""
        await borrower_rules.check_delete(
            borrower_id,
            self._rules,
        )
        await self._client.delete_borrower(
            borrower_id,
        )

    async def list_borrower_loan_applications(
        self,
        borrower_id: UUID,
        *,
        limit: int,
        offset: int,
    ) -> Page[LoanApplicationPublic]:
        """One page of the loan_applications of one borrower."""
        return await self._client.list_borrower_loan_applications(
            borrower_id,
            limit=limit,
            offset=offset,
        )
