"""Use cases of the loan application entity: the business operations the API exposes.

Events: LoanApplicationSubmitted (on created) are published after the change is stored.
When the broker does not confirm one, :class:`EventNotPublishedError` (503) reports that the change was stored but
its event was not sent; the publisher has logged the whole event for a replay.
"""

# Implements: FR-003
from uuid import UUID

from shared.contracts.investment import (
    InvestmentPublic,
)
from shared.contracts.repayment import (
    RepaymentPublic,
)
from shared.contracts.pagination import Page
from shared.contracts.loan_application import (
    LoanApplicationCreate,
    LoanApplicationFilter,
    LoanApplicationPublic,
    LoanApplicationUpdate,
)
from shared.events.loan_application_submitted import (
    LoanApplicationSubmittedEvent,
    LoanApplicationSubmittedPayload,
)
from shared.messaging.publisher import AnyEvent, EventPublisher, EventPublishError, LoggingEventPublisher
from shared.utils.request_id import get_request_id
from src.domain.errors import EventNotPublishedError
from src.domain.rules import RuleContext, loan_application_rules
from src.infrastructure.http_clients.loan_application_client import (
    LoanApplicationClient,
)


class LoanApplicationUseCases:
    """Operations on loan applications: every write passes the business rules of
    ``src/domain/rules/loan_application_rules.py`` first; storage is the data service's.
    """

    def __init__(
        self,
        client: LoanApplicationClient,
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
                f"The loan application change was stored, but its {event.event_name} event could not be sent."
            ) from error

    async def list_loan_applications(
        self,
        filters: LoanApplicationFilter,
        *,
        sort: str,
        limit: int,
        offset: int,
    ) -> Page[LoanApplicationPublic]:
        """One page of loan applications equal to ``filters``, in ``sort`` order."""
        return await self._client.list_loan_applications(
            filters,
            sort=sort,
            limit=limit,
            offset=offset,
        )

    async def get_loan_application(
        self,
        loan_application_id: UUID,
    ) -> LoanApplicationPublic:
        """One loan application; :class:`NotFoundError` when it does not exist."""
        return await self._client.get_loan_application(
            loan_application_id,
        )

    async def create_loan_application(
        self,
        payload: LoanApplicationCreate,
    ) -> LoanApplicationPublic:
        """Create one loan application once the rules accept it; :class:`ConflictError` on a duplicate or a missing parent,
        :class:`BusinessRuleViolationError` or :class:`ValidationFailedError` when a rule refuses it.
        """
        await loan_application_rules.check_create(payload, self._rules)
        created = await self._client.create_loan_application(payload)
        await self._publish(
            LoanApplicationSubmittedEvent(
                payload=LoanApplicationSubmittedPayload.model_validate(
                    created,
                    from_attributes=True,
                ),
                request_id=get_request_id(),
            )
        )
        return created

    async def update_loan_application(
        self,
        loan_application_id: UUID,
        payload: LoanApplicationUpdate,
    ) -> LoanApplicationPublic:
        """Change the fields of one loan application that ``payload`` sets, once the rules accept the change."""
        await loan_application_rules.check_update(
            loan_application_id,
            payload,
            self._rules,
        )
        updated = await self._client.update_loan_application(
            loan_application_id,
            payload,
        )
        return updated

    async def delete_loan_application(
        self,
        loan_application_id: UUID,
    ) -> None:
        """Delete one loan application once the rules accept it; :class:`ConflictError` while other resources reference it."""
        await loan_application_rules.check_delete(
            loan_application_id,
            self._rules,
        )
        await self._client.delete_loan_application(
            loan_application_id,
        )

    async def list_loan_application_investments(
        self,
        loan_application_id: UUID,
        *,
        limit: int,
        offset: int,
    ) -> Page[InvestmentPublic]:
        """One page of the investments of one loan application."""
        return await self._client.list_loan_application_investments(
            loan_application_id,
            limit=limit,
            offset=offset,
        )

    async def list_loan_application_repayments(
        self,
        loan_application_id: UUID,
        *,
        limit: int,
        offset: int,
    ) -> Page[RepaymentPublic]:
        """One page of the repayments of one loan application."""
        return await self._client.list_loan_application_repayments(
            loan_application_id,
            limit=limit,
            offset=offset,
        )
