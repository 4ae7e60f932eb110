"""Repository of the loan application entity."""

# Implements: FR-003
from sqlalchemy.ext.asyncio import AsyncSession

from src.infrastructure.models.loan_application import (
    LoanApplication,
)
from src.infrastructure.repositories.base import SqlRepository


class LoanApplicationRepository(SqlRepository[LoanApplication]):
    """Rows of the ``loan_applications`` table."""

    def __init__(self, session: AsyncSession) -> None:
        super().__init__(session, LoanApplication, "loan application")
