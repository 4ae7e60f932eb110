"""Typed client of the investments of finance_lending_data_postgres."""

# Implements: FR-004
from uuid import UUID

import httpx

from shared.contracts.pagination import Page
from shared.contracts.investment import (
    InvestmentCreate,
    InvestmentFilter,
    InvestmentPublic,
    InvestmentUpdate,
)
from src.infrastructure.http_clients.base_client import DataServiceClient

DATA_SERVICE_NAME = "finance_lending_data_postgres"
URL = "/api/v1/investments"


class InvestmentClient:
    """``/api/v1/investments`` of finance_lending_data_postgres."""

    def __init__(self, http_client: httpx.AsyncClient) -> None:
        self._service = DataServiceClient(http_client, DATA_SERVICE_NAME)

    async def list_investments(
        self,
        filters: InvestmentFilter,
        *,
        sort: str,
        limit: int,
        offset: int,
    ) -> Page[InvestmentPublic]:
        """One page of investments equal to ``filters``."""
        params = {
            **filters.model_dump(mode="json", exclude_none=True),
            "sort": sort,
            "limit": limit,
            "offset": offset,
        }
        response = await self._service.request("GET", URL, params=params)
        return Page[InvestmentPublic].model_validate(response.json())

    async def get_investment(
        self,
        investment_id: UUID,
    ) -> InvestmentPublic:
        """One investment."""
        response = await self._service.request("GET", f"{URL}/{investment_id}")
        return InvestmentPublic.model_validate(response.json())

    async def create_investment(
        self,
        payload: InvestmentCreate,
    ) -> InvestmentPublic:
        """Create one investment."""
        response = await self._service.request("POST", URL, json=payload.model_dump(mode="json"))
        return InvestmentPublic.model_validate(response.json())

    async def update_investment(
        self,
        investment_id: UUID,
        payload: InvestmentUpdate,
    ) -> InvestmentPublic:
        """Change the fields of one investment that ``payload`` sets."""
        body = payload.model_dump(mode="json", exclude_unset=True)
        response = await self._service.request(
            "PATCH",
            f"{URL}/{investment_id}",
            json=body,
        )
        return InvestmentPublic.model_validate(response.json())

    async def delete_investment(
        self,
        investment_id: UUID,
    ) -> None:
        """Delete one investment."""
        await self._service.request("DELETE", f"{URL}/{investment_id}")
