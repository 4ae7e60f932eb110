"""Typed client of the repayments of finance_lending_data_postgres."""

# Implements: FR-005
from uuid import UUID

import httpx

from shared.contracts.pagination import Page
from shared.contracts.repayment import (
    RepaymentCreate,
    RepaymentFilter,
    RepaymentPublic,
    RepaymentUpdate,
)
from src.infrastructure.http_clients.base_client import DataServiceClient

DATA_SERVICE_NAME = "finance_lending_data_postgres"
URL = "/api/v1/repayments"


class RepaymentClient:
    """``/api/v1/repayments`` of finance_lending_data_postgres."""

    def __init__(self, http_client: httpx.AsyncClient) -> None:
        self._service = DataServiceClient(http_client, DATA_SERVICE_NAME)

    async def list_repayments(
        self,
        filters: RepaymentFilter,
        *,
        sort: str,
        limit: int,
        offset: int,
    ) -> Page[RepaymentPublic]:
        """One page of repayments equal to ``filters``."""
        params = {
            **filters.model_dump(mode="json", exclude_none=True),
            "sort": sort,
            "limit": limit,
            "offset": offset,
        }
        response = await self._service.request("GET", URL, params=params)
        return Page[RepaymentPublic].model_validate(response.json())

    async def get_repayment(
        self,
        repayment_id: UUID,
    ) -> RepaymentPublic:
        """One repayment."""
        response = await self._service.request("GET", f"{URL}/{repayment_id}")
        return RepaymentPublic.model_validate(response.json())

    async def create_repayment(
        self,
        payload: RepaymentCreate,
    ) -> RepaymentPublic:
        """Create one repayment."""
        response = await self._service.request("POST", URL, json=payload.model_dump(mode="json"))
        return RepaymentPublic.model_validate(response.json())

    async def update_repayment(
        self,
        repayment_id: UUID,
        payload: RepaymentUpdate,
    ) -> RepaymentPublic:
        """Change the fields of one repayment that ``payload`` sets."""
        body = payload.model_dump(mode="json", exclude_unset=True)
        response = await self._service.request(
            "PATCH",
            f"{URL}/{repayment_id}",
            json=body,
        )
        return RepaymentPublic.model_validate(response.json())

    async def delete_repayment(
        self,
        repayment_id: UUID,
    ) -> None:
        """Delete one repayment."""
        await self._service.request("DELETE", f"{URL}/{repayment_id}")
