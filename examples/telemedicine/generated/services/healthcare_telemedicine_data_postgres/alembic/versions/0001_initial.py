"""Initial schema: one table per entity of healthcare_telemedicine_data_postgres.

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
    "availability_slots",
    "appointments",
    "medical_records",
    "prescriptions",
    "reminders",
]
"""Tables in creation order: parents before the tables that reference them."""


def upgrade() -> None:
    op.create_table(
        "patients",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("full_name", sa.String(200), nullable=False),
        sa.Column("email", sa.String(320), nullable=False),
        sa.Column("phone", sa.String(32), nullable=True),
        sa.Column("birth_date", sa.Date(), nullable=True),
        sa.Column("telegram_chat_id", sa.String(64), nullable=True),
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
        "availability_slots",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("starts_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ends_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("is_booked", sa.Boolean(), nullable=False),
        sa.Column("doctor_id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="availability_slots_pkey"),
        sa.ForeignKeyConstraint(
            ["doctor_id"],
            ["doctors.id"],
            name="availability_slots_doctor_id_fkey",
            ondelete="RESTRICT",
        ),
    )
    op.create_index(
        "idx_availability_slots_created_at",
        "availability_slots",
        ["created_at"],
    )
    op.create_index(
        "idx_availability_slots_doctor_id",
        "availability_slots",
        ["doctor_id"],
    )
    op.create_table(
        "appointments",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("starts_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("duration_minutes", sa.Integer(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column(
            "status",
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
            nullable=False,
        ),
        sa.Column("video_room", sa.String(200), nullable=True),
        sa.Column("patient_id", sa.Uuid(), nullable=False),
        sa.Column("doctor_id", sa.Uuid(), nullable=False),
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
            ondelete="RESTRICT",
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
    op.create_table(
        "medical_records",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("diagnosis_code", sa.String(16), nullable=True),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("patient_id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="medical_records_pkey"),
        sa.ForeignKeyConstraint(
            ["patient_id"],
            ["patients.id"],
            name="medical_records_patient_id_fkey",
            ondelete="RESTRICT",
        ),
    )
    op.create_index(
        "idx_medical_records_created_at",
        "medical_records",
        ["created_at"],
    )
    op.create_index(
        "idx_medical_records_patient_id",
        "medical_records",
        ["patient_id"],
    )
    op.create_table(
        "prescriptions",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("medication", sa.String(200), nullable=False),
        sa.Column("dosage", sa.String(200), nullable=False),
        sa.Column("instructions", sa.Text(), nullable=True),
        sa.Column("valid_until", sa.Date(), nullable=False),
        sa.Column("medical_record_id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="prescriptions_pkey"),
        sa.ForeignKeyConstraint(
            ["medical_record_id"],
            ["medical_records.id"],
            name="prescriptions_medical_record_id_fkey",
            ondelete="RESTRICT",
        ),
    )
    op.create_index(
        "idx_prescriptions_created_at",
        "prescriptions",
        ["created_at"],
    )
    op.create_index(
        "idx_prescriptions_medical_record_id",
        "prescriptions",
        ["medical_record_id"],
    )
    op.create_table(
        "reminders",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("remind_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "scheduled",
                "due",
                "sent",
                name="reminder_status",
                native_enum=False,
                create_constraint=True,
                length=9,
            ),
            nullable=False,
        ),
        sa.Column("appointment_id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="reminders_pkey"),
        sa.ForeignKeyConstraint(
            ["appointment_id"],
            ["appointments.id"],
            name="reminders_appointment_id_fkey",
            ondelete="RESTRICT",
        ),
    )
    op.create_index(
        "idx_reminders_created_at",
        "reminders",
        ["created_at"],
    )
    op.create_index(
        "idx_reminders_appointment_id",
        "reminders",
        ["appointment_id"],
    )


def downgrade() -> None:
    for table in reversed(TABLES):
        op.drop_table(table)
