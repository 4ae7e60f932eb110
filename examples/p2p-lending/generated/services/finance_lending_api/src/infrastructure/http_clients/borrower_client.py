"""Typed client of the borrowers of finance_lending_data_postgres."""

# Implements: FR-001
from uuid import UUID

import httpx

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
from src.infrastructure.http_clients.base_client import DataServiceClient

DATA_SERVICE_NAME = "finance_lending_data_postgres"
URL = "/api/v1/borrowers"


class BorrowerClient:
    """``/api/v1/borrowers`` of finance_lending_data_postgres."""

    def __init__(self, http_client: httpx.AsyncClient) -> None:
        self._service = DataServiceClient(http_client, DATA_SERVICE_NAME)

    async def list_borrowers(
        self,
        filters: BorrowerFilter,
        *,
        sort: str,
        limit: int,
        offset: int,
    ) -> Page[BorrowerPublic]:
        """One page of borrowers equal to ``filters``."""
        params = {
            **filters.model_dump(mode="json", exclude_none=True),
            "sort": sort,
            "limit": limit,
            "offset": offset,
        }
        response = await self._service.request("GET", URL, params=params)
        return Page[BorrowerPublic].model_validate(response.json())

    async def get_borrower(
        self,
        borrower_id: UUID,
    ) -> BorrowerPublic:
        """One borrower."""
        response = await self._service.request("GET", f"{URL}/{borrower_id}")
        return BorrowerPublic.model_validate(response.json())

    async def create_borrower(
        self,
        payload: BorrowerCreate,
    ) -> BorrowerPublic:
        """Create one borrower."""
        response = await self._service.request("POST", URL, json=payload.model_dump(mode="json"))
        return BorrowerPublic.model_validate(response.json())

    async def update_borrower(
        self,
        borrower_id: UUID,
        payload: BorrowerUpdate,
    ) -> BorrowerPublic:
        """Change the fields of one borrower that ``payload`` sets."""
        body = payload.model_dump(mode="json", exclude_unset=True)
        response = await self._service.request(
            "PATCH",
            f"{URL}/{borrower_id}",
            json=body,
        )
        return BorrowerPublic.model_validate(response.json())

    async def delete_borrower(
        self,
        borrower_id: UUID,
    ) -> None:
        """Delete one borrower."""
        await self._service.request("DELETE", f"{URL}/{borrower_id}")

    async def list_borrower_loan_applications(
        self,
        borrower_id: UUID,
        *,
        limit: int,
        offset: int,
    ) -> Page[LoanApplicationPublic]:
        """One page of the loan_applications of one borrower."""
        url = f"{URL}/{borrower_id}/loan-applications"
        response = await self._service.request("GET", url, params={"limit": limit, "offset": offset})
        return Page[LoanApplicationPublic].model_validate(response.json())
