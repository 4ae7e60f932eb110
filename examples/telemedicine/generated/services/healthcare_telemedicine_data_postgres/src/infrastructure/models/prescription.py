"""SQLAlchemy model of the prescription entity."""

# Implements: FR-005
from datetime import date
from uuid import UUID

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from src.infrastructure.models.base import EntityModel


class Prescription(EntityModel):
    """Row of the ``prescriptions`` table."""

    __tablename__ = "prescriptions"
    __table_args__ = (
        sa.PrimaryKeyConstraint("id", name="prescriptions_pkey"),
        sa.Index("idx_prescriptions_created_at", "created_at"),
        sa.Index(
            "idx_prescriptions_medical_record_id",
            "medical_record_id",
        ),
    )

    medication: Mapped[str] = mapped_column(sa.String(200))
    dosage: Mapped[str] = mapped_column(sa.String(200))
    instructions: Mapped[str | None] = mapped_column(sa.Text())
    valid_until: Mapped[date] = mapped_column(sa.Date())
    medical_record_id: Mapped[UUID] = mapped_column(
        sa.ForeignKey(
            "medical_records.id",
            name="prescriptions_medical_record_id_fkey",
            ondelete="RESTRICT",
        ),
    )
