"""SQLAlchemy model of the patient entity."""

# Implements: FR-001
from datetime import date

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from src.infrastructure.models.base import EntityModel


class Patient(EntityModel):
    """Row of the ``patients`` table."""

    __tablename__ = "patients"
    __table_args__ = (
        sa.PrimaryKeyConstraint("id", name="patients_pkey"),
        sa.Index("idx_patients_created_at", "created_at"),
        sa.UniqueConstraint(
            "email",
            name="uniq_patients_email",
        ),
    )

    full_name: Mapped[str] = mapped_column(sa.String(200))
    email: Mapped[str] = mapped_column(sa.String(320))
    phone: Mapped[str | None] = mapped_column(sa.String(32))
    birth_date: Mapped[date | None] = mapped_column(sa.Date())
    telegram_chat_id: Mapped[str | None] = mapped_column(sa.String(64))
