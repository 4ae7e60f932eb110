"""Repository of the repayment entity."""

# Implements: FR-005
from sqlalchemy.ext.asyncio import AsyncSession

from src.infrastructure.models.repayment import (
    Repayment,
)
from src.infrastructure.repositories.base import SqlRepository


class RepaymentRepository(SqlRepository[Repayment]):
    """Rows of the ``repayments`` table."""

    def __init__(self, session: AsyncSession) -> None:
        super().__init__(session, Repayment, "repayment")
