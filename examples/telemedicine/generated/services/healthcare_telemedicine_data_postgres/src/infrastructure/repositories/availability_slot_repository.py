"""Repository of the availability slot entity."""

# Implements: FR-002
from sqlalchemy.ext.asyncio import AsyncSession

from src.infrastructure.models.availability_slot import (
    AvailabilitySlot,
)
from src.infrastructure.repositories.base import SqlRepository


class AvailabilitySlotRepository(SqlRepository[AvailabilitySlot]):
    """Rows of the ``availability_slots`` table."""

    def __init__(self, session: AsyncSession) -> None:
        super().__init__(session, AvailabilitySlot, "availability slot")
