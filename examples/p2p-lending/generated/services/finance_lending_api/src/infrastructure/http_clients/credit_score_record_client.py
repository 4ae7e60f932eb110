"""Typed client of the credit score records of finance_audit_data_mongo."""

# Implements: FR-006
from uuid import UUID

import httpx

from shared.contracts.pagination import Page
from shared.contracts.credit_score_record import (
    CreditScoreRecordCreate,
    CreditScoreRecordFilter,
    CreditScoreRecordPublic,
    CreditScoreRecordUpdate,
)
from src.infrastructure.http_clients.base_client import DataServiceClient

DATA_SERVICE_NAME = "finance_audit_data_mongo"
URL = "/api/v1/credit-score-records"


class CreditScoreRecordClient:
    """``/api/v1/credit-score-records`` of finance_audit_data_mongo."""

    def __init__(self, http_client: httpx.AsyncClient) -> None:
        self._service = DataServiceClient(http_client, DATA_SERVICE_NAME)

    async def list_credit_score_records(
        self,
        filters: CreditScoreRecordFilter,
        *,
        sort: str,
        limit: int,
        offset: int,
    ) -> Page[CreditScoreRecordPublic]:
        """One page of credit score records equal to ``filters``."""
        params = {
            **filters.model_dump(mode="json", exclude_none=True),
            "sort": sort,
            "limit": limit,
            "offset": offset,
        }
        response = await self._service.request("GET", URL, params=params)
        return Page[CreditScoreRecordPublic].model_validate(response.json())

    async def get_credit_score_record(
        self,
        credit_score_record_id: UUID,
    ) -> CreditScoreRecordPublic:
        """One credit score record."""
        response = await self._service.request("GET", f"{URL}/{credit_score_record_id}")
        return CreditScoreRecordPublic.model_validate(response.json())

    async def create_credit_score_record(
        self,
        payload: CreditScoreRecordCreate,
    ) -> CreditScoreRecordPublic:
        """Create one credit score record."""
        response = await self._service.request("POST", URL, json=payload.model_dump(mode="json"))
        return CreditScoreRecordPublic.model_validate(response.json())

    async def update_credit_score_record(
        self,
        credit_score_record_id: UUID,
        payload: CreditScoreRecordUpdate,
    ) -> CreditScoreRecordPublic:
        """Change the fields of one credit score record that ``payload`` sets."""
        body = payload.model_dump(mode="json", exclude_unset=True)
        response = await self._service.request(
            "PATCH",
            f"{URL}/{credit_score_record_id}",
            json=body,
        )
        return CreditScoreRecordPublic.model_validate(response.json())

    async def delete_credit_score_record(
        self,
        credit_score_record_id: UUID,
    ) -> None:
        """Delete one credit score record."""
        await self._service.request("DELETE", f"{URL}/{credit_score_record_id}")
