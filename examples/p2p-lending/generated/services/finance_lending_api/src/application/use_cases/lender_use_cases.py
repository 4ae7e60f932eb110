"""Use cases of the lender entity: the business operations the API exposes."""

# Implements: FR-002
from uuid import UUID

from shared.contracts.investment import (
    InvestmentPublic,
)
from shared.contracts.pagination import Page
from shared.contracts.lender import (
    LenderCreate,
    LenderFilter,
    LenderPublic,
    LenderUpdate,
)
from src.domain.rules import RuleContext, lender_rules
from src.infrastructure.http_clients.lender_client import (
    LenderClient,
)


class LenderUseCases:
    """Operations on lenders: every write passes the business rules of
    ``src/domain/rules/lender_rules.py`` first; storage is the data service's.
    """

    def __init__(self, client: LenderClient, rules: RuleContext) -> None:
        """``rules`` is what the business rules read."""
        self._client = client
        self._rules = rules

    async def list_lenders(
        self,
        filters: LenderFilter,
        *,
        sort: str,
        limit: int,
        offset: int,
    ) -> Page[LenderPublic]:
        """One page of lenders equal to ``filters``, in ``sort`` order."""
        return await self._client.list_lenders(
            filters,
            sort=sort,
            limit=limit,
            offset=offset,
        )

    async def get_lender(
        self,
        lender_id: UUID,
    ) -> LenderPublic:
        """One lender; :class:`NotFoundError` when it does not exist."""
        return await self._client.get_lender(
            lender_id,
        )

    async def create_lender(
        self,
        payload: LenderCreate,
    ) -> LenderPublic:
        """Create one lender once the rules accept it; :class:`ConflictError` on a duplicate or a missing parent,
        :class:`BusinessRuleViolationError` or :class:`ValidationFailedError` when a rule refuses it.
        """
        await lender_rules.check_create(payload, self._rules)
        return await self._client.create_lender(payload)

    async def update_lender(
        self,
        lender_id: UUID,
        payload: LenderUpdate,
    ) -> LenderPublic:
        """Change the fields of one lender that ``payload`` sets, once the rules accept the change."""
        await lender_rules.check_update(
            lender_id,
            payload,
            self._rules,
        )
        return await self._client.update_lender(
            lender_id,
            payload,
        )

    async def delete_lender(
        self,
        lender_id: UUID,
    ) -> None:
        """Delete one lender once the rules accept it; :class:`ConflictError` while other resources reference it."""
        await lender_rules.check_delete(
            lender_id,
            self._rules,
        )
        await self._client.delete_lender(
            lender_id,
        )

    async def list_lender_investments(
        self,
        lender_id: UUID,
        *,
        limit: int,
        offset: int,
    ) -> Page[InvestmentPublic]:
        """One page of the investments of one lender."""
        return await self._client.list_lender_investments(
            lender_id,
            limit=limit,
            offset=offset,
        )
