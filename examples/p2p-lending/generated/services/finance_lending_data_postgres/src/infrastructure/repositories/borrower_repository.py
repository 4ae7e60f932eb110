"""Repository of the borrower entity."""

# Implements: FR-001
from sqlalchemy.ext.asyncio import AsyncSession

from src.infrastructure.models.borrower import (
    Borrower,
)
from src.infrastructure.repositories.base import SqlRepository


class BorrowerRepository(SqlRepository[Borrower]):
    """Rows of the ``borrowers`` table."""

    def __init__(self, session: AsyncSession) -> None:
        super().__init__(session, Borrower, "borrower")
