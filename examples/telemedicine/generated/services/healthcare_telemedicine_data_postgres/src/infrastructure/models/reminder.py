"""SQLAlchemy model of the reminder entity."""

# Implements: FR-006
from datetime import datetime
from uuid import UUID

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from src.infrastructure.models.base import EntityModel, UTCDateTime


class Reminder(EntityModel):
    """Row of the ``reminders`` table."""

    __tablename__ = "reminders"
    __table_args__ = (
        sa.PrimaryKeyConstraint("id", name="reminders_pkey"),
        sa.Index("idx_reminders_created_at", "created_at"),
        sa.Index(
            "idx_reminders_appointment_id",
            "appointment_id",
        ),
    )

    remind_at: Mapped[datetime] = mapped_column(UTCDateTime())
    status: Mapped[str] = mapped_column(
        sa.Enum(
            "scheduled",
            "due",
            "sent",
            name="reminder_status",
            native_enum=False,
            create_constraint=True,
            length=9,
        ),
    )
    appointment_id: Mapped[UUID] = mapped_column(
        sa.ForeignKey(
            "appointments.id",
            name="reminders_appointment_id_fkey",
            ondelete="RESTRICT",
        ),
    )
