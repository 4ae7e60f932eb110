"""HTTP endpoints of the audit log entry entity: ``/api/v1/audit-log-entries``."""

# Implements: FR-007
from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Depends, Query, status

from shared.contracts.pagination import DEFAULT_PAGE_LIMIT, MAX_PAGE_LIMIT, Page
from shared.contracts.audit_log_entry import (
    AuditLogEntryCreate,
    AuditLogEntryFilter,
    AuditLogEntryPublic,
    AuditLogEntryUpdate,
)
from src.api.dependencies import HttpClientsDep
from src.api.security import DELETE_ROLE, READ_ROLE, WRITE_ROLE, require_role
from src.application.use_cases.audit_log_entry_use_cases import (
    AuditLogEntryUseCases,
)
from src.domain.rules import RuleContext
from src.infrastructure.http_clients.audit_log_entry_client import (
    DATA_SERVICE_NAME,
    AuditLogEntryClient,
)

router = APIRouter(
    prefix="/audit-log-entries",
    tags=["audit log entries"],
)

LimitQuery = Annotated[int, Query(ge=1, le=MAX_PAGE_LIMIT, description="Maximum number of items to return.")]
OffsetQuery = Annotated[int, Query(ge=0, description="Number of items to skip.")]
SortQuery = Annotated[str, Query(description="Sort key, prefixed with '-' for descending order.")]

# The roles of the routes (src/api/security.py): reading, creating and changing, deleting.
CAN_READ = [Depends(require_role(READ_ROLE))]
CAN_WRITE = [Depends(require_role(WRITE_ROLE))]
CAN_DELETE = [Depends(require_role(DELETE_ROLE))]


def get_audit_log_entry_use_cases(
    http_clients: HttpClientsDep,
) -> AuditLogEntryUseCases:
    """Use cases bound to the client of the data service that owns audit log entries, and the rules' context."""
    return AuditLogEntryUseCases(
        AuditLogEntryClient(http_clients[DATA_SERVICE_NAME]),
        RuleContext.from_http_clients(http_clients),
    )


UseCasesDep = Annotated[
    AuditLogEntryUseCases,
    Depends(get_audit_log_entry_use_cases),
]


@router.post("", status_code=status.HTTP_201_CREATED, dependencies=CAN_WRITE)
async def create_audit_log_entry(
    payload: AuditLogEntryCreate,
    use_cases: UseCasesDep,
) -> AuditLogEntryPublic:
    """Create one audit log entry."""
    return await use_cases.create_audit_log_entry(payload)


@router.get("", dependencies=CAN_READ)
async def list_audit_log_entries(
    use_cases: UseCasesDep,
    filters: Annotated[AuditLogEntryFilter, Depends()],
    limit: LimitQuery = DEFAULT_PAGE_LIMIT,
    offset: OffsetQuery = 0,
    sort: SortQuery = "created_at",
) -> Page[AuditLogEntryPublic]:
    """List the audit log entries equal to the given filters, one page at a time."""
    return await use_cases.list_audit_log_entries(
        filters,
        sort=sort,
        limit=limit,
        offset=offset,
    )


@router.get("/{audit_log_entry_id}", dependencies=CAN_READ)
async def get_audit_log_entry(
    audit_log_entry_id: UUID,
    use_cases: UseCasesDep,
) -> AuditLogEntryPublic:
    """Get one audit log entry."""
    return await use_cases.get_audit_log_entry(audit_log_entry_id)


@router.patch("/{audit_log_entry_id}", dependencies=CAN_WRITE)
async def update_audit_log_entry(
    audit_log_entry_id: UUID,
    payload: AuditLogEntryUpdate,
    use_cases: UseCasesDep,
) -> AuditLogEntryPublic:
    """Change the fields of one audit log entry that the payload sets."""
    return await use_cases.update_audit_log_entry(
        audit_log_entry_id,
        payload,
    )


@router.delete(
    "/{audit_log_entry_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    dependencies=CAN_DELETE,
)
async def delete_audit_log_entry(
    audit_log_entry_id: UUID,
    use_cases: UseCasesDep,
) -> None:
    """Delete one audit log entry."""
    await use_cases.delete_audit_log_entry(audit_log_entry_id)
