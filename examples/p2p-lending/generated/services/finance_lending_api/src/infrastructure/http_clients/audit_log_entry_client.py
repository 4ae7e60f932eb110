"""Typed client of the audit log entries of finance_audit_data_mongo."""

# Implements: FR-007
from uuid import UUID

import httpx

from shared.contracts.pagination import Page
from shared.contracts.audit_log_entry import (
    AuditLogEntryCreate,
    AuditLogEntryFilter,
    AuditLogEntryPublic,
    AuditLogEntryUpdate,
)
from src.infrastructure.http_clients.base_client import DataServiceClient

DATA_SERVICE_NAME = "finance_audit_data_mongo"
URL = "/api/v1/audit-log-entries"


class AuditLogEntryClient:
    """``/api/v1/audit-log-entries`` of finance_audit_data_mongo."""

    def __init__(self, http_client: httpx.AsyncClient) -> None:
        self._service = DataServiceClient(http_client, DATA_SERVICE_NAME)

    async def list_audit_log_entries(
        self,
        filters: AuditLogEntryFilter,
        *,
        sort: str,
        limit: int,
        offset: int,
    ) -> Page[AuditLogEntryPublic]:
        """One page of audit log entries equal to ``filters``."""
        params = {
            **filters.model_dump(mode="json", exclude_none=True),
            "sort": sort,
            "limit": limit,
            "offset": offset,
        }
        response = await self._service.request("GET", URL, params=params)
        return Page[AuditLogEntryPublic].model_validate(response.json())

    async def get_audit_log_entry(
        self,
        audit_log_entry_id: UUID,
    ) -> AuditLogEntryPublic:
        """One audit log entry."""
        response = await self._service.request("GET", f"{URL}/{audit_log_entry_id}")
        return AuditLogEntryPublic.model_validate(response.json())

    async def create_audit_log_entry(
        self,
        payload: AuditLogEntryCreate,
    ) -> AuditLogEntryPublic:
        """Create one audit log entry."""
        response = await self._service.request("POST", URL, json=payload.model_dump(mode="json"))
        return AuditLogEntryPublic.model_validate(response.json())

    async def update_audit_log_entry(
        self,
        audit_log_entry_id: UUID,
        payload: AuditLogEntryUpdate,
    ) -> AuditLogEntryPublic:
        """Change the fields of one audit log entry that ``payload`` sets."""
        body = payload.model_dump(mode="json", exclude_unset=True)
        response = await self._service.request(
            "PATCH",
            f"{URL}/{audit_log_entry_id}",
            json=body,
        )
        return AuditLogEntryPublic.model_validate(response.json())

    async def delete_audit_log_entry(
        self,
        audit_log_entry_id: UUID,
    ) -> None:
        """Delete one audit log entry."""
        await self._service.request("DELETE", f"{URL}/{audit_log_entry_id}")
