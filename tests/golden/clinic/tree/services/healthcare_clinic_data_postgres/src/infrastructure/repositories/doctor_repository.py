"""Repository of the doctor entity."""

# Implements: FR-002
from sqlalchemy.ext.asyncio import AsyncSession

from src.infrastructure.models.doctor import (
    Doctor,
)
from src.infrastructure.repositories.base import SqlRepository


class DoctorRepository(SqlRepository[Doctor]):
    """Rows of the ``doctors`` table."""

    def __init__(self, session: AsyncSession) -> None:
        super().__init__(session, Doctor, "doctor")
