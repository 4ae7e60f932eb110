"""Use cases of the investment entity: the business operations the API exposes."""

# Implements: FR-004
from uuid import UUID

from shared.contracts.pagination import Page
from shared.contracts.investment import (
    InvestmentCreate,
    InvestmentFilter,
    InvestmentPublic,
    InvestmentUpdate,
)
from src.domain.rules import RuleContext, investment_rules
from src.infrastructure.http_clients.investment_client import (
    InvestmentClient,
)


class InvestmentUseCases:
    """Operations on investments: every write passes the business rules of
    ``src/domain/rules/investment_rules.py`` first; storage is the data service's.
    """

    def __init__(self, client: InvestmentClient, rules: RuleContext) -> None:
        """``rules`` is what the business rules read."""
        self._client = client
        self._rules = rules

    async def list_investments(
        self,
        filters: InvestmentFilter,
        *,
        sort: str,
        limit: int,
        offset: int,
    ) -> Page[InvestmentPublic]:
        """One page of investments equal to ``filters``, in ``sort`` order."""
        return await self._client.list_investments(
            filters,
            sort=sort,
            limit=limit,
            offset=offset,
        )

    async def get_investment(
        self,
        investment_id: UUID,
    ) -> InvestmentPublic:
        """One investment; :class:`NotFoundError` when it does not exist."""
        return await self._client.get_investment(
            investment_id,
        )

    async def create_investment(
        self,
        payload: InvestmentCreate,
    ) -> InvestmentPublic:
        """Create one investment once the rules accept it; :class:`ConflictError` on a duplicate or a missing parent,
        :class:`BusinessRuleViolationError` or :class:`ValidationFailedError` when a rule refuses it.
        """
        await investment_rules.check_create(payload, self._rules)
        return await self._client.create_investment(payload)

    async def update_investment(
        self,
        investment_id: UUID,
        payload: InvestmentUpdate,
    ) -> InvestmentPublic:
        """Change the fields of one investment that ``payload`` sets, once the rules accept the change."""
        await investment_rules.check_update(
            investment_id,
            payload,
            self._rules,
        )
        return await self._client.update_investment(
            investment_id,
            payload,
        )

    async def delete_investment(
        self,
        investment_id: UUID,
    ) -> None:
        """Delete one investment once the rules accept it; :class:`ConflictError` while other resources reference it."""
        await investment_rules.check_delete(
            investment_id,
            self._rules,
        )
        await self._client.delete_investment(
            investment_id,
        )
