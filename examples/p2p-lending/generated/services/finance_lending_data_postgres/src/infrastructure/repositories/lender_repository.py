"""Repository of the lender entity."""

# Implements: FR-002
from sqlalchemy.ext.asyncio import AsyncSession

from src.infrastructure.models.lender import (
    Lender,
)
from src.infrastructure.repositories.base import SqlRepository


class LenderRepository(SqlRepository[Lender]):
    """Rows of the ``lenders`` table."""

    def __init__(self, session: AsyncSession) -> None:
        super().__init__(session, Lender, "lender")
