"""Repository of the reminder entity."""

# Implements: FR-006
from sqlalchemy.ext.asyncio import AsyncSession

from src.infrastructure.models.reminder import (
    Reminder,
)
from src.infrastructure.repositories.base import SqlRepository


class ReminderRepository(SqlRepository[Reminder]):
    """Rows of the ``reminders`` table."""

    def __init__(self, session: AsyncSession) -> None:
        super().__init__(session, Reminder, "reminder")
