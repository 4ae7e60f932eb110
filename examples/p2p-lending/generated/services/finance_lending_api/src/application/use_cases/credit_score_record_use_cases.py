"""Use cases of the credit score record entity: the business operations the API exposes."""

# Implements: FR-006
from uuid import UUID

from shared.contracts.pagination import Page
from shared.contracts.credit_score_record import (
    CreditScoreRecordCreate,
    CreditScoreRecordFilter,
    CreditScoreRecordPublic,
    CreditScoreRecordUpdate,
)
from src.domain.rules import RuleContext, credit_score_record_rules
from src.infrastructure.http_clients.credit_score_record_client import (
    CreditScoreRecordClient,
)


class CreditScoreRecordUseCases:
    """Operations on credit score records: every write passes the business rules of
    ``src/domain/rules/credit_score_record_rules.py`` first; storage is the data service's.
    """

    def __init__(self, client: CreditScoreRecordClient, rules: RuleContext) -> None:
        """``rules`` is what the business rules read."""
        self._client = client
        self._rules = rules

    async def list_credit_score_records(
        self,
        filters: CreditScoreRecordFilter,
        *,
        sort: str,
        limit: int,
        offset: int,
    ) -> Page[CreditScoreRecordPublic]:
        """One page of credit score records equal to ``filters``, in ``sort`` order."""
        return await self._client.list_credit_score_records(
            filters,
            sort=sort,
            limit=limit,
            offset=offset,
        )

    async def get_credit_score_record(
        self,
        credit_score_record_id: UUID,
    ) -> CreditScoreRecordPublic:
        """One credit score record; :class:`NotFoundError` when it does not exist."""
        return await self._client.get_credit_score_record(
            credit_score_record_id,
        )

    async def create_credit_score_record(
        self,
        payload: CreditScoreRecordCreate,
    ) -> CreditScoreRecordPublic:
        """Create one credit score record once the rules accept it; :class:`ConflictError` on a duplicate or a missing parent,
        :class:`BusinessRuleViolationError` or :class:`ValidationFailedError` when a rule refuses it.
        """
        await credit_score_record_rules.check_create(payload, self._rules)
        return await self._client.create_credit_score_record(payload)

    async def update_credit_score_record(
        self,
        credit_score_record_id: UUID,
        payload: CreditScoreRecordUpdate,
    ) -> CreditScoreRecordPublic:
        """Change the fields of one credit score record that ``payload`` sets, once the rules accept the change."""
        await credit_score_record_rules.check_update(
            credit_score_record_id,
            payload,
            self._rules,
        )
        return await self._client.update_credit_score_record(
            credit_score_record_id,
            payload,
        )

    async def delete_credit_score_record(
        self,
        credit_score_record_id: UUID,
    ) -> None:
        """Delete one credit score record once the rules accept it; :class:`ConflictError` while other resources reference it."""
        await credit_score_record_rules.check_delete(
            credit_score_record_id,
            self._rules,
        )
        await self._client.delete_credit_score_record(
            credit_score_record_id,
        )
