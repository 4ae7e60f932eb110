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
from shared.contracts.appointment import (
    AppointmentCreate,
)
from src.infrastructure.models.patient import (
    Patient,
)
from src.infrastructure.models.doctor import (
    Doctor,
)
from src.infrastructure.models.appointment import (
    Appointment,
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
        "birth_date": "2030-01-02",
        "notes": "notes",
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


def appointment_values(n: int) -> dict[str, Any]:
    """Field values of a valid appointment, made unique by ``n`` where the schema requires it."""
    return {
        "starts_at": "2030-01-02T10:00:00+00:00",
        "duration_minutes": 10,
        "fee": "12.50",
        "status": "booked",
        "external_ref": f"00000000-0000-4000-8000-{n:012d}",
        "extra": {"key": f"value-{n}"},
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
