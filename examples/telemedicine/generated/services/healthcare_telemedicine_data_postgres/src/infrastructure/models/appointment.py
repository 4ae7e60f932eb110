"""SQLAlchemy model of the appointment entity."""

# Implements: FR-003
from datetime import datetime
from uuid import UUID

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from src.infrastructure.models.base import EntityModel, UTCDateTime


class Appointment(EntityModel):
    """Row of the ``appointments`` table."""

    __tablename__ = "appointments"
    __table_args__ = (
        sa.PrimaryKeyConstraint("id", name="appointments_pkey"),
        sa.Index("idx_appointments_created_at", "created_at"),
        sa.Index(
            "idx_appointments_patient_id",
            "patient_id",
        ),
        sa.Index(
            "idx_appointments_doctor_id",
            "doctor_id",
        ),
    )

    starts_at: Mapped[datetime] = mapped_column(UTCDateTime())
    duration_minutes: Mapped[int] = mapped_column(sa.Integer())
    reason: Mapped[str | None] = mapped_column(sa.Text())
    status: Mapped[str] = mapped_column(
        sa.Enum(
            "booked",
            "cancelled",
            "completed",
            "no_show",
            name="appointment_status",
            native_enum=False,
            create_constraint=True,
            length=9,
        ),
    )
    video_room: Mapped[str | None] = mapped_column(sa.String(200))
    patient_id: Mapped[UUID] = mapped_column(
        sa.ForeignKey(
            "patients.id",
            name="appointments_patient_id_fkey",
            ondelete="RESTRICT",
        ),
    )
    doctor_id: Mapped[UUID] = mapped_column(
        sa.ForeignKey(
            "doctors.id",
            name="appointments_doctor_id_fkey",
            ondelete="RESTRICT",
        ),
    )
