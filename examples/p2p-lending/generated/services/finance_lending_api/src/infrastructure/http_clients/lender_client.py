"""Typed client of the lenders of finance_lending_data_postgres."""

# Implements: FR-002
from uuid import UUID

import httpx

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
from src.infrastructure.http_clients.base_client import DataServiceClient

DATA_SERVICE_NAME = "finance_lending_data_postgres"
URL = "/api/v1/lenders"


class LenderClient:
    """``/api/v1/lenders`` of finance_lending_data_postgres."""

    def __init__(self, http_client: httpx.AsyncClient) -> None:
        self._service = DataServiceClient(http_client, DATA_SERVICE_NAME)

    async def list_lenders(
        self,
        filters: LenderFilter,
        *,
        sort: str,
        limit: int,
        offset: int,
    ) -> Page[LenderPublic]:
        """One page of lenders equal to ``filters``."""
        params = {
            **filters.model_dump(mode="json", exclude_none=True),
            "sort": sort,
            "limit": limit,
            "offset": offset,
        }
        response = await self._service.request("GET", URL, params=params)
        return Page[LenderPublic].model_validate(response.json())

    async def get_lender(
        self,
        lender_id: UUID,
    ) -> LenderPublic:
        """One lender."""
        response = await self._service.request("GET", f"{URL}/{lender_id}")
        return LenderPublic.model_validate(response.json())

    async def create_lender(
        self,
        payload: LenderCreate,
    ) -> LenderPublic:
        """Create one lender."""
        response = await self._service.request("POST", URL, json=payload.model_dump(mode="json"))
        return LenderPublic.model_validate(response.json())

    async def update_lender(
        self,
        lender_id: UUID,
        payload: LenderUpdate,
    ) -> LenderPublic:
        """Change the fields of one lender that ``payload`` sets."""
        body = payload.model_dump(mode="json", exclude_unset=True)
        response = await self._service.request(
            "PATCH",
            f"{URL}/{lender_id}",
            json=body,
        )
        return LenderPublic.model_validate(response.json())

    async def delete_lender(
        self,
        lender_id: UUID,
    ) -> None:
        """Delete one lender."""
        await self._service.request("DELETE", f"{URL}/{lender_id}")

    async def list_lender_investments(
        self,
        lender_id: UUID,
        *,
        limit: int,
        offset: int,
    ) -> Page[InvestmentPublic]:
        """One page of the investments of one lender."""
        url = f"{URL}/{lender_id}/investments"
        response = await self._service.request("GET", url, params={"limit": limit, "offset": offset})
        return Page[InvestmentPublic].model_validate(response.json())
