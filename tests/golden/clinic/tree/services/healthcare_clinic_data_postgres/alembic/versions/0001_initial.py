"""Initial schema: one table per entity of healthcare_clinic_data_postgres.

Revision ID: 0001
Revises:
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = [
    "patients",
    "doctors",
    "appointments",
]
"""Tables in creation order: parents before the tables that reference them."""


def upgrade() -> None:
    op.create_table(
        "patients",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("full_name", sa.String(200), nullable=False),
        sa.Column("email", sa.String(320), nullable=False),
        sa.Column("birth_date", sa.Date(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="patients_pkey"),
        sa.UniqueConstraint(
            "email",
            name="uniq_patients_email",
        ),
    )
    op.create_index(
        "idx_patients_created_at",
        "patients",
        ["created_at"],
    )
    op.create_table(
        "doctors",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("full_name", sa.String(200), nullable=False),
        sa.Column("specialty", sa.String(100), nullable=False),
        sa.Column("license_number", sa.String(50), nullable=False),
        sa.Column("is_active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="doctors_pkey"),
        sa.UniqueConstraint(
            "license_number",
            name="uniq_doctors_license_number",
        ),
    )
    op.create_index(
        "idx_doctors_created_at",
        "doctors",
        ["created_at"],
    )
    op.create_table(
        "appointments",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("starts_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("duration_minutes", sa.Integer(), nullable=False),
        sa.Column("fee", sa.Numeric(12, 2), nullable=True),
        sa.Column(
            "status",
            sa.Enum(
                "booked",
                "cancelled",
                "done",
                name="appointment_status",
                native_enum=False,
                create_constraint=True,
                length=9,
            ),
            nullable=False,
        ),
        sa.Column("external_ref", sa.Uuid(), nullable=True),
        sa.Column("extra", sa.JSON(), nullable=True),
        sa.Column("patient_id", sa.Uuid(), nullable=False),
        sa.Column("doctor_id", sa.Uuid(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="appointments_pkey"),
        sa.ForeignKeyConstraint(
            ["patient_id"],
            ["patients.id"],
            name="appointments_patient_id_fkey",
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["doctor_id"],
            ["doctors.id"],
            name="appointments_doctor_id_fkey",
            ondelete="SET NULL",
        ),
    )
    op.create_index(
        "idx_appointments_created_at",
        "appointments",
        ["created_at"],
    )
    op.create_index(
        "idx_appointments_patient_id",
        "appointments",
        ["patient_id"],
    )
    op.create_index(
        "idx_appointments_doctor_id",
        "appointments",
        ["doctor_id"],
    )


def downgrade() -> None:
    for table in reversed(TABLES):
        op.drop_table(table)
