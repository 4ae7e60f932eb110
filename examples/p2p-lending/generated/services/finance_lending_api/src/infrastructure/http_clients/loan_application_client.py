"""Typed client of the loan applications of finance_lending_data_postgres."""

# Implements: FR-003
from uuid import UUID

import httpx

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
from src.infrastructure.http_clients.base_client import DataServiceClient

DATA_SERVICE_NAME = "finance_lending_data_postgres"
URL = "/api/v1/loan-applications"


class LoanApplicationClient:
    """``/api/v1/loan-applications`` of finance_lending_data_postgres."""

    def __init__(self, http_client: httpx.AsyncClient) -> None:
        self._service = DataServiceClient(http_client, DATA_SERVICE_NAME)

    async def list_loan_applications(
        self,
        filters: LoanApplicationFilter,
        *,
        sort: str,
        limit: int,
        offset: int,
    ) -> Page[LoanApplicationPublic]:
        """One page of loan applications equal to ``filters``."""
        params = {
            **filters.model_dump(mode="json", exclude_none=True),
            "sort": sort,
            "limit": limit,
            "offset": offset,
        }
        response = await self._service.request("GET", URL, params=params)
        return Page[LoanApplicationPublic].model_validate(response.json())

    async def get_loan_application(
        self,
        loan_application_id: UUID,
    ) -> LoanApplicationPublic:
        """One loan application."""
        response = await self._service.request("GET", f"{URL}/{loan_application_id}")
        return LoanApplicationPublic.model_validate(response.json())

    async def create_loan_application(
        self,
        payload: LoanApplicationCreate,
    ) -> LoanApplicationPublic:
        """Create one loan application."""
        response = await self._service.request("POST", URL, json=payload.model_dump(mode="json"))
        return LoanApplicationPublic.model_validate(response.json())

    async def update_loan_application(
        self,
        loan_application_id: UUID,
        payload: LoanApplicationUpdate,
    ) -> LoanApplicationPublic:
        """Change the fields of one loan application that ``payload`` sets."""
        body = payload.model_dump(mode="json", exclude_unset=True)
        response = await self._service.request(
            "PATCH",
            f"{URL}/{loan_application_id}",
            json=body,
        )
        return LoanApplicationPublic.model_validate(response.json())

    async def delete_loan_application(
        self,
        loan_application_id: UUID,
    ) -> None:
        """Delete one loan application."""
        await self._service.request("DELETE", f"{URL}/{loan_application_id}")

    async def list_loan_application_investments(
        self,
        loan_application_id: UUID,
        *,
        limit: int,
        offset: int,
    ) -> Page[InvestmentPublic]:
        """One page of the investments of one loan application."""
        url = f"{URL}/{loan_application_id}/investments"
        response = await self._service.request("GET", url, params={"limit": limit, "offset": offset})
        return Page[InvestmentPublic].model_validate(response.json())

    async def list_loan_application_repayments(
        self,
        loan_application_id: UUID,
        *,
        limit: int,
        offset: int,
    ) -> Page[RepaymentPublic]:
        """One page of the repayments of one loan application."""
        url = f"{URL}/{loan_application_id}/repayments"
        response = await self._service.request("GET", url, params={"limit": limit, "offset": offset})
        return Page[RepaymentPublic].model_validate(response.json())
