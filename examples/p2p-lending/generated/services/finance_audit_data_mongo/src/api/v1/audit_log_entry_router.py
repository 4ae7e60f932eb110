"""HTTP endpoints of the audit log entry entity: ``/api/v1/audit-log-entries``."""

# Implements: FR-007
from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Depends, Query, status

from shared.contracts.pagination import DEFAULT_PAGE_LIMIT, MAX_PAGE_LIMIT, Page
from shared.contracts.audit_log_entry import (
    AUDIT_LOG_ENTRY_SORT_KEYS,
    AuditLogEntryCreate,
    AuditLogEntryFilter,
    AuditLogEntryPublic,
    AuditLogEntryUpdate,
)
from src.api.dependencies import RepositoriesDep
from src.api.v1.schemas import AggregateRequest, AggregateResult
from src.domain.aggregation import validate_pipeline
from src.domain.sorting import DEFAULT_SORT, parse_sort

router = APIRouter(
    prefix="/audit-log-entries",
    tags=["audit log entries"],
)

LimitQuery = Annotated[int, Query(ge=1, le=MAX_PAGE_LIMIT, description="Maximum number of items to return.")]
OffsetQuery = Annotated[int, Query(ge=0, description="Number of items to skip.")]
SortQuery = Annotated[str, Query(description="Sort key, prefixed with '-' for descending order.")]


@router.post("", status_code=status.HTTP_201_CREATED)
async def create_audit_log_entry(
    payload: AuditLogEntryCreate,
    repositories: RepositoriesDep,
) -> AuditLogEntryPublic:
    """Create one audit log entry."""
    return await repositories.audit_log_entries.create(payload.model_dump())


@router.get("")
async def list_audit_log_entries(
    repositories: RepositoriesDep,
    filters: Annotated[AuditLogEntryFilter, Depends()],
    limit: LimitQuery = DEFAULT_PAGE_LIMIT,
    offset: OffsetQuery = 0,
    sort: SortQuery = DEFAULT_SORT,
) -> Page[AuditLogEntryPublic]:
    """List the audit log entries equal to the given filters, one page at a time."""
    items, total = await repositories.audit_log_entries.list_page(
        filters=filters.model_dump(exclude_none=True),
        sort=parse_sort(sort, AUDIT_LOG_ENTRY_SORT_KEYS),
        limit=limit,
        offset=offset,
    )
    return Page[AuditLogEntryPublic](items=items, total=total, limit=limit, offset=offset)


@router.post("/aggregate")
async def aggregate_audit_log_entries(
    payload: AggregateRequest,
    repositories: RepositoriesDep,
) -> AggregateResult:
    """Run a read-only aggregation pipeline over the audit log entries (unsafe stages are a ``422``)."""
    pipeline = validate_pipeline(payload.pipeline)
    return AggregateResult(items=await repositories.audit_log_entries.aggregate(pipeline))


@router.get("/{audit_log_entry_id}")
async def get_audit_log_entry(
    audit_log_entry_id: UUID,
    repositories: RepositoriesDep,
) -> AuditLogEntryPublic:
    """Get one audit log entry."""
    return await repositories.audit_log_entries.get(audit_log_entry_id)


@router.patch("/{audit_log_entry_id}")
async def update_audit_log_entry(
    audit_log_entry_id: UUID,
    payload: AuditLogEntryUpdate,
    repositories: RepositoriesDep,
) -> AuditLogEntryPublic:
    """Change the fields of one audit log entry that the payload sets."""
    values = payload.model_dump(exclude_unset=True)
    return await repositories.audit_log_entries.update(
        audit_log_entry_id,
        values,
    )


@router.delete("/{audit_log_entry_id}", status_code=status.HTTP_204_NO_CONTENT)
async def delete_audit_log_entry(
    audit_log_entry_id: UUID,
    repositories: RepositoriesDep,
) -> None:
    """Delete one audit log entry."""
    await repositories.audit_log_entries.delete(audit_log_entry_id)
