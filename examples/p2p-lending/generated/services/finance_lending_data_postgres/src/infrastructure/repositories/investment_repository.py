"""Repository of the investment entity."""

# Implements: FR-004
from sqlalchemy.ext.asyncio import AsyncSession

from src.infrastructure.models.investment import (
    Investment,
)
from src.infrastructure.repositories.base import SqlRepository


class InvestmentRepository(SqlRepository[Investment]):
    """Rows of the ``investments`` table."""

    def __init__(self, session: AsyncSession) -> None:
        super().__init__(session, Investment, "investment")
