"""SQLAlchemy model of the appointment entity."""

# Implements: FR-003
from datetime import datetime
from decimal import Decimal
from typing import Any
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
    fee: Mapped[Decimal | None] = mapped_column(sa.Numeric(12, 2))
    status: Mapped[str] = mapped_column(
        sa.Enum(
            "booked",
            "cancelled",
            "done",
            name="appointment_status",
            native_enum=False,
            create_constraint=True,
            length=9,
        ),
    )
    external_ref: Mapped[UUID | None] = mapped_column(sa.Uuid())
    extra: Mapped[dict[str, Any] | None] = mapped_column(sa.JSON())
    patient_id: Mapped[UUID] = mapped_column(
        sa.ForeignKey(
            "patients.id",
            name="appointments_patient_id_fkey",
            ondelete="RESTRICT",
        ),
    )
    doctor_id: Mapped[UUID | None] = mapped_column(
        sa.ForeignKey(
            "doctors.id",
            name="appointments_doctor_id_fkey",
            ondelete="SET NULL",
        ),
    )
