"""SQLAlchemy model of the medical record entity."""

# Implements: FR-004
from datetime import datetime
from uuid import UUID

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from src.infrastructure.models.base import EntityModel, UTCDateTime


class MedicalRecord(EntityModel):
    """Row of the ``medical_records`` table."""

    __tablename__ = "medical_records"
    __table_args__ = (
        sa.PrimaryKeyConstraint("id", name="medical_records_pkey"),
        sa.Index("idx_medical_records_created_at", "created_at"),
        sa.Index(
            "idx_medical_records_patient_id",
            "patient_id",
        ),
    )

    summary: Mapped[str] = mapped_column(sa.Text())
    diagnosis_code: Mapped[str | None] = mapped_column(sa.String(16))
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime())
    patient_id: Mapped[UUID] = mapped_column(
        sa.ForeignKey(
            "patients.id",
            name="medical_records_patient_id_fkey",
            ondelete="RESTRICT",
        ),
    )
