"""Repository of the audit log entry entity: the ``audit_log_entries`` collection."""

# Implements: FR-007
from pymongo import ASCENDING, IndexModel

from shared.contracts.audit_log_entry import (
    AuditLogEntryPublic,
)
from src.infrastructure.mongo import MongoDatabase
from src.infrastructure.repositories.base import MongoRepository

COLLECTION = "audit_log_entries"

INDEXES: list[IndexModel] = [
    IndexModel([("created_at", ASCENDING)], name="idx_audit_log_entries_created_at"),
    IndexModel(
        [("actor", ASCENDING)],
        name="idx_audit_log_entries_actor",
    ),
    IndexModel(
        [("action", ASCENDING)],
        name="idx_audit_log_entries_action",
    ),
    IndexModel(
        [("subject_ref", ASCENDING)],
        name="idx_audit_log_entries_subject_ref",
    ),
]
"""Indexes created at start-up: creation time (default order), unique fields, filterable fields."""


class AuditLogEntryRepository(MongoRepository[AuditLogEntryPublic]):
    """Documents of the ``audit_log_entries`` collection."""

    def __init__(self, database: MongoDatabase) -> None:
        super().__init__(
            database.collection(COLLECTION),
            AuditLogEntryPublic,
            "audit log entry",
        )
