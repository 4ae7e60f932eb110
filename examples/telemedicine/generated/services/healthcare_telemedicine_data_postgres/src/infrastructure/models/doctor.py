"""SQLAlchemy model of the doctor entity."""

# Implements: FR-002
import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from src.infrastructure.models.base import EntityModel


class Doctor(EntityModel):
    """Row of the ``doctors`` table."""

    __tablename__ = "doctors"
    __table_args__ = (
        sa.PrimaryKeyConstraint("id", name="doctors_pkey"),
        sa.Index("idx_doctors_created_at", "created_at"),
        sa.UniqueConstraint(
            "license_number",
            name="uniq_doctors_license_number",
        ),
    )

    full_name: Mapped[str] = mapped_column(sa.String(200))
    specialty: Mapped[str] = mapped_column(sa.String(100))
    license_number: Mapped[str] = mapped_column(sa.String(50))
    is_active: Mapped[bool] = mapped_column(sa.Boolean())
