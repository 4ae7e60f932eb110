"""Test data: a valid payload per entity, and helpers creating entities through the API (parents first)."""

from itertools import count
from typing import Any

import httpx

from shared.contracts.patient import (
    PatientCreate,
)
from shared.contracts.doctor import (
    DoctorCreate,
)
from shared.contracts.availability_slot import (
    AvailabilitySlotCreate,
)
from shared.contracts.appointment import (
    AppointmentCreate,
)
from shared.contracts.medical_record import (
    MedicalRecordCreate,
)
from shared.contracts.prescription import (
    PrescriptionCreate,
)
from shared.contracts.reminder import (
    ReminderCreate,
)
from src.infrastructure.models.patient import (
    Patient,
)
from src.infrastructure.models.doctor import (
    Doctor,
)
from src.infrastructure.models.availability_slot import (
    AvailabilitySlot,
)
from src.infrastructure.models.appointment import (
    Appointment,
)
from src.infrastructure.models.medical_record import (
    MedicalRecord,
)
from src.infrastructure.models.prescription import (
    Prescription,
)
from src.infrastructure.models.reminder import (
    Reminder,
)
from src.infrastructure.unit_of_work import UnitOfWork

PROBLEM_JSON = "application/problem+json"

_sequence = count(1)


def next_number() -> int:
    """A number never returned before in this test run, to make unique values."""
    return next(_sequence)


def assert_problem(response: httpx.Response, status: int) -> dict[str, Any]:
    """Check that ``response`` is an RFC 9457 problem with ``status``; return its body."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith(PROBLEM_JSON)
    body: dict[str, Any] = response.json()
    assert body["status"] == status
    assert body["title"]
    assert body["type"] == "about:blank"
    return body


def patient_values(n: int) -> dict[str, Any]:
    """Field values of a valid patient, made unique by ``n`` where the schema requires it."""
    return {
        "full_name": "full name",
        "email": f"user{n}@example.com",
        "phone": "phone",
        "birth_date": "2030-01-02",
        "telegram_chat_id": "telegram chat id",
    }


async def build_patient_payload(client: httpx.AsyncClient) -> dict[str, Any]:
    """A valid create payload for one patient; its parents are created first."""
    payload = patient_values(next_number())
    return payload


async def create_patient(client: httpx.AsyncClient) -> dict[str, Any]:
    """Create one patient (and its parents) through the API; return its JSON."""
    payload = await build_patient_payload(client)
    response = await client.post("/api/v1/patients", json=payload)
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created


async def store_patient(
    unit_of_work: UnitOfWork,
) -> Patient:
    """Store one patient (and its parents) through the repositories, without committing."""
    values = patient_values(next_number())
    payload = PatientCreate.model_validate(values)
    return await unit_of_work.patients.create(payload.model_dump())


def doctor_values(n: int) -> dict[str, Any]:
    """Field values of a valid doctor, made unique by ``n`` where the schema requires it."""
    return {
        "full_name": "full name",
        "specialty": "specialty",
        "license_number": f"license_number-{n}",
        "is_active": True,
    }


async def build_doctor_payload(client: httpx.AsyncClient) -> dict[str, Any]:
    """A valid create payload for one doctor; its parents are created first."""
    payload = doctor_values(next_number())
    return payload


async def create_doctor(client: httpx.AsyncClient) -> dict[str, Any]:
    """Create one doctor (and its parents) through the API; return its JSON."""
    payload = await build_doctor_payload(client)
    response = await client.post("/api/v1/doctors", json=payload)
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created


async def store_doctor(
    unit_of_work: UnitOfWork,
) -> Doctor:
    """Store one doctor (and its parents) through the repositories, without committing."""
    values = doctor_values(next_number())
    payload = DoctorCreate.model_validate(values)
    return await unit_of_work.doctors.create(payload.model_dump())


def availability_slot_values(n: int) -> dict[str, Any]:
    """Field values of a valid availability slot, made unique by ``n`` where the schema requires it."""
    return {
        "starts_at": "2030-01-02T10:00:00+00:00",
        "ends_at": "2030-01-02T10:00:00+00:00",
        "is_booked": True,
    }


async def build_availability_slot_payload(client: httpx.AsyncClient) -> dict[str, Any]:
    """A valid create payload for one availability slot; its parents are created first."""
    payload = availability_slot_values(next_number())
    parent = await create_doctor(client)
    payload["doctor_id"] = parent["id"]
    return payload


async def create_availability_slot(client: httpx.AsyncClient) -> dict[str, Any]:
    """Create one availability slot (and its parents) through the API; return its JSON."""
    payload = await build_availability_slot_payload(client)
    response = await client.post("/api/v1/availability-slots", json=payload)
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created


async def store_availability_slot(
    unit_of_work: UnitOfWork,
) -> AvailabilitySlot:
    """Store one availability slot (and its parents) through the repositories, without committing."""
    values = availability_slot_values(next_number())
    parent_id = (await store_doctor(unit_of_work)).id
    values["doctor_id"] = parent_id
    payload = AvailabilitySlotCreate.model_validate(values)
    return await unit_of_work.availability_slots.create(payload.model_dump())


def appointment_values(n: int) -> dict[str, Any]:
    """Field values of a valid appointment, made unique by ``n`` where the schema requires it."""
    return {
        "starts_at": "2030-01-02T10:00:00+00:00",
        "duration_minutes": 10,
        "reason": "reason",
        "status": "booked",
        "video_room": "video room",
    }


async def build_appointment_payload(client: httpx.AsyncClient) -> dict[str, Any]:
    """A valid create payload for one appointment; its parents are created first."""
    payload = appointment_values(next_number())
    parent = await create_patient(client)
    payload["patient_id"] = parent["id"]
    parent = await create_doctor(client)
    payload["doctor_id"] = parent["id"]
    return payload


async def create_appointment(client: httpx.AsyncClient) -> dict[str, Any]:
    """Create one appointment (and its parents) through the API; return its JSON."""
    payload = await build_appointment_payload(client)
    response = await client.post("/api/v1/appointments", json=payload)
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created


async def store_appointment(
    unit_of_work: UnitOfWork,
) -> Appointment:
    """Store one appointment (and its parents) through the repositories, without committing."""
    values = appointment_values(next_number())
    parent_id = (await store_patient(unit_of_work)).id
    values["patient_id"] = parent_id
    parent_id = (await store_doctor(unit_of_work)).id
    values["doctor_id"] = parent_id
    payload = AppointmentCreate.model_validate(values)
    return await unit_of_work.appointments.create(payload.model_dump())


def medical_record_values(n: int) -> dict[str, Any]:
    """Field values of a valid medical record, made unique by ``n`` where the schema requires it."""
    return {
        "summary": "summary",
        "diagnosis_code": "diagnosis code",
        "recorded_at": "2030-01-02T10:00:00+00:00",
    }


async def build_medical_record_payload(client: httpx.AsyncClient) -> dict[str, Any]:
    """A valid create payload for one medical record; its parents are created first."""
    payload = medical_record_values(next_number())
    parent = await create_patient(client)
    payload["patient_id"] = parent["id"]
    return payload


async def create_medical_record(client: httpx.AsyncClient) -> dict[str, Any]:
    """Create one medical record (and its parents) through the API; return its JSON."""
    payload = await build_medical_record_payload(client)
    response = await client.post("/api/v1/medical-records", json=payload)
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created


async def store_medical_record(
    unit_of_work: UnitOfWork,
) -> MedicalRecord:
    """Store one medical record (and its parents) through the repositories, without committing."""
    values = medical_record_values(next_number())
    parent_id = (await store_patient(unit_of_work)).id
    values["patient_id"] = parent_id
    payload = MedicalRecordCreate.model_validate(values)
    return await unit_of_work.medical_records.create(payload.model_dump())


def prescription_values(n: int) -> dict[str, Any]:
    """Field values of a valid prescription, made unique by ``n`` where the schema requires it."""
    return {
        "medication": "medication",
        "dosage": "dosage",
        "instructions": "instructions",
        "valid_until": "2030-01-02",
    }


async def build_prescription_payload(client: httpx.AsyncClient) -> dict[str, Any]:
    """A valid create payload for one prescription; its parents are created first."""
    payload = prescription_values(next_number())
    parent = await create_medical_record(client)
    payload["medical_record_id"] = parent["id"]
    return payload


async def create_prescription(client: httpx.AsyncClient) -> dict[str, Any]:
    """Create one prescription (and its parents) through the API; return its JSON."""
    payload = await build_prescription_payload(client)
    response = await client.post("/api/v1/prescriptions", json=payload)
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created


async def store_prescription(
    unit_of_work: UnitOfWork,
) -> Prescription:
    """Store one prescription (and its parents) through the repositories, without committing."""
    values = prescription_values(next_number())
    parent_id = (await store_medical_record(unit_of_work)).id
    values["medical_record_id"] = parent_id
    payload = PrescriptionCreate.model_validate(values)
    return await unit_of_work.prescriptions.create(payload.model_dump())


def reminder_values(n: int) -> dict[str, Any]:
    """Field values of a valid reminder, made unique by ``n`` where the schema requires it."""
    return {
        "remind_at": "2030-01-02T10:00:00+00:00",
        "status": "scheduled",
    }


async def build_reminder_payload(client: httpx.AsyncClient) -> dict[str, Any]:
    """A valid create payload for one reminder; its parents are created first."""
    payload = reminder_values(next_number())
    parent = await create_appointment(client)
    payload["appointment_id"] = parent["id"]
    return payload


async def create_reminder(client: httpx.AsyncClient) -> dict[str, Any]:
    """Create one reminder (and its parents) through the API; return its JSON."""
    payload = await build_reminder_payload(client)
    response = await client.post("/api/v1/reminders", json=payload)
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created


async def store_reminder(
    unit_of_work: UnitOfWork,
) -> Reminder:
    """Store one reminder (and its parents) through the repositories, without committing."""
    values = reminder_values(next_number())
    parent_id = (await store_appointment(unit_of_work)).id
    values["appointment_id"] = parent_id
    payload = ReminderCreate.model_validate(values)
    return await unit_of_work.reminders.create(payload.model_dump())
