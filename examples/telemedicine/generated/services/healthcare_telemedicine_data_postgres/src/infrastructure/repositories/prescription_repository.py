"""Repository of the prescription entity."""

# Implements: FR-005
from sqlalchemy.ext.asyncio import AsyncSession

from src.infrastructure.models.prescription import (
    Prescription,
)
from src.infrastructure.repositories.base import SqlRepository


class PrescriptionRepository(SqlRepository[Prescription]):
    """Rows of the ``prescriptions`` table."""

    def __init__(self, session: AsyncSession) -> None:
        super().__init__(session, Prescription, "prescription")
