"""Repository of the credit score record entity: the ``credit_score_records`` collection."""

# Implements: FR-006
from pymongo import ASCENDING, IndexModel

from shared.contracts.credit_score_record import (
    CreditScoreRecordPublic,
)
from src.infrastructure.mongo import MongoDatabase
from src.infrastructure.repositories.base import MongoRepository

COLLECTION = "credit_score_records"

INDEXES: list[IndexModel] = [
    IndexModel([("created_at", ASCENDING)], name="idx_credit_score_records_created_at"),
    IndexModel(
        [("borrower_ref", ASCENDING)],
        name="idx_credit_score_records_borrower_ref",
    ),
    IndexModel(
        [("score", ASCENDING)],
        name="idx_credit_score_records_score",
    ),
]
"""Indexes created at start-up: creation time (default order), unique fields, filterable fields."""


class CreditScoreRecordRepository(MongoRepository[CreditScoreRecordPublic]):
    """Documents of the ``credit_score_records`` collection."""

    def __init__(self, database: MongoDatabase) -> None:
        super().__init__(
            database.collection(COLLECTION),
            CreditScoreRecordPublic,
            "credit score record",
        )
