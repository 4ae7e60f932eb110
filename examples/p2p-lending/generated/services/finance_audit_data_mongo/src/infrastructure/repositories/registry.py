"""Every repository of the service, and the indexes of every collection."""

from pymongo import IndexModel

from src.infrastructure.mongo import MongoDatabase
from src.infrastructure.repositories import credit_score_record_repository
from src.infrastructure.repositories import audit_log_entry_repository
from src.infrastructure.repositories.credit_score_record_repository import (
    CreditScoreRecordRepository,
)
from src.infrastructure.repositories.audit_log_entry_repository import (
    AuditLogEntryRepository,
)

INDEXES: dict[str, list[IndexModel]] = {
    credit_score_record_repository.COLLECTION: credit_score_record_repository.INDEXES,
    audit_log_entry_repository.COLLECTION: audit_log_entry_repository.INDEXES,
}
"""Indexes per collection, created at start-up."""


class Repositories:
    """The repository of every entity, on one database."""

    def __init__(self, database: MongoDatabase) -> None:
        self.credit_score_records = CreditScoreRecordRepository(database)
        self.audit_log_entries = AuditLogEntryRepository(database)
