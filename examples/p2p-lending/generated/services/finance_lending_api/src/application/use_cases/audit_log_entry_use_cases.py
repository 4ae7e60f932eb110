"""Use cases of the audit log entry entity: the business operations the API exposes."""

# Implements: FR-007
from uuid import UUID

from shared.contracts.pagination import Page
from shared.contracts.audit_log_entry import (
    AuditLogEntryCreate,
    AuditLogEntryFilter,
    AuditLogEntryPublic,
    AuditLogEntryUpdate,
)
from src.domain.rules import RuleContext, audit_log_entry_rules
from src.infrastructure.http_clients.audit_log_entry_client import (
    AuditLogEntryClient,
)


class AuditLogEntryUseCases:
    """Operations on audit log entries: every write passes the business rules of
    ``src/domain/rules/audit_log_entry_rules.py`` first; storage is the data service's.
    """

    def __init__(self, client: AuditLogEntryClient, rules: RuleContext) -> None:
        """``rules`` is what the business rules read."""
        self._client = client
        self._rules = rules

    async def list_audit_log_entries(
        self,
        filters: AuditLogEntryFilter,
        *,
        sort: str,
        limit: int,
        offset: int,
    ) -> Page[AuditLogEntryPublic]:
        """One page of audit log entries equal to ``filters``, in ``sort`` order."""
        return await self._client.list_audit_log_entries(
            filters,
            sort=sort,
            limit=limit,
            offset=offset,
        )

    async def get_audit_log_entry(
        self,
        audit_log_entry_id: UUID,
    ) -> AuditLogEntryPublic:
        """One audit log entry; :class:`NotFoundError` when it does not exist."""
        return await self._client.get_audit_log_entry(
            audit_log_entry_id,
        )

    async def create_audit_log_entry(
        self,
        payload: AuditLogEntryCreate,
    ) -> AuditLogEntryPublic:
        """Create one audit log entry once the rules accept it; :class:`ConflictError` on a duplicate or a missing parent,
        :class:`BusinessRuleViolationError` or :class:`ValidationFailedError` when a rule refuses it.
        """
        await audit_log_entry_rules.check_create(payload, self._rules)
        return await self._client.create_audit_log_entry(payload)

    async def update_audit_log_entry(
        self,
        audit_log_entry_id: UUID,
        payload: AuditLogEntryUpdate,
    ) -> AuditLogEntryPublic:
        """Change the fields of one audit log entry that ``payload`` sets, once the rules accept the change."""
        await audit_log_entry_rules.check_update(
            audit_log_entry_id,
            payload,
            self._rules,
        )
        return await self._client.update_audit_log_entry(
            audit_log_entry_id,
            payload,
        )

    async def delete_audit_log_entry(
        self,
        audit_log_entry_id: UUID,
    ) -> None:
        """Delete one audit log entry once the rules accept it; :class:`ConflictError` while other resources reference it."""
        await audit_log_entry_rules.check_delete(
            audit_log_entry_id,
            self._rules,
        )
        await self._client.delete_audit_log_entry(
            audit_log_entry_id,
        )
