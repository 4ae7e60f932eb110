"""Test data: a valid payload per entity, and helpers creating entities over HTTP (parents first).

The helpers work against this service and against a data service alike: both serve ``/api/v1``.
"""

from itertools import count
from typing import Any

import httpx

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
    """Create one patient (and its parents) over HTTP; return its JSON."""
    payload = await build_patient_payload(client)
    response = await client.post("/api/v1/patients", json=payload)
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created


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
    """Create one doctor (and its parents) over HTTP; return its JSON."""
    payload = await build_doctor_payload(client)
    response = await client.post("/api/v1/doctors", json=payload)
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created


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
    """Create one appointment (and its parents) over HTTP; return its JSON."""
    payload = await build_appointment_payload(client)
    response = await client.post("/api/v1/appointments", json=payload)
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created
