"""Repository of the appointment entity."""

# Implements: FR-003
from sqlalchemy.ext.asyncio import AsyncSession

from src.infrastructure.models.appointment import (
    Appointment,
)
from src.infrastructure.repositories.base import SqlRepository


class AppointmentRepository(SqlRepository[Appointment]):
    """Rows of the ``appointments`` table."""

    def __init__(self, session: AsyncSession) -> None:
        super().__init__(session, Appointment, "appointment")
