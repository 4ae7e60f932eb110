"""SQLAlchemy model of the availability slot entity."""

# Implements: FR-002
from datetime import datetime
from uuid import UUID

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from src.infrastructure.models.base import EntityModel, UTCDateTime


class AvailabilitySlot(EntityModel):
    """Row of the ``availability_slots`` table."""

    __tablename__ = "availability_slots"
    __table_args__ = (
        sa.PrimaryKeyConstraint("id", name="availability_slots_pkey"),
        sa.Index("idx_availability_slots_created_at", "created_at"),
        sa.Index(
            "idx_availability_slots_doctor_id",
            "doctor_id",
        ),
    )

    starts_at: Mapped[datetime] = mapped_column(UTCDateTime())
    ends_at: Mapped[datetime] = mapped_column(UTCDateTime())
    is_booked: Mapped[bool] = mapped_column(sa.Boolean())
    doctor_id: Mapped[UUID] = mapped_column(
        sa.ForeignKey(
            "doctors.id",
            name="availability_slots_doctor_id_fkey",
            ondelete="RESTRICT",
        ),
    )
