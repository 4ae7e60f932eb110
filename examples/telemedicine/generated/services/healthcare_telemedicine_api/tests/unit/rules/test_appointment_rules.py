"""The business rules of the appointment entity (``src/domain/rules/appointment_rules.py``), on the real data
services: a doctor is never booked twice for overlapping times (FR-003).

This file is yours, like the rules: amgen writes it once and never overwrites it.
"""

# Implements: FR-003
from datetime import datetime, timedelta
from typing import Any
from uuid import UUID

import httpx
import pytest

from shared.contracts.appointment import AppointmentCreate, AppointmentStatus, AppointmentUpdate
from src.domain.errors import BusinessRuleViolationError
from src.domain.rules import RuleContext, appointment_rules
from src.infrastructure.http_clients.appointment_client import DATA_SERVICE_NAME
from tests.helpers import create_doctor, create_patient

NINE = datetime.fromisoformat("2030-03-04T09:00:00+00:00")


@pytest.fixture
def context(data_http_clients: dict[str, httpx.AsyncClient]) -> RuleContext:
    return RuleContext.from_http_clients(data_http_clients)


@pytest.fixture
def data_client(data_http_clients: dict[str, httpx.AsyncClient]) -> httpx.AsyncClient:
    return data_http_clients[DATA_SERVICE_NAME]


async def store_appointment(
    client: httpx.AsyncClient,
    doctor_id: str,
    starts_at: datetime,
    minutes: int = 30,
    status: str = "booked",
) -> dict[str, Any]:
    """An appointment stored directly in the data service, as if booked earlier."""
    patient = await create_patient(client)
    response = await client.post(
        "/api/v1/appointments",
        json={
            "starts_at": starts_at.isoformat(),
            "duration_minutes": minutes,
            "status": status,
            "patient_id": patient["id"],
            "doctor_id": doctor_id,
        },
    )
    assert response.status_code == 201, response.text
    stored: dict[str, Any] = response.json()
    return stored


def booking(doctor_id: str, patient_id: str, starts_at: datetime, minutes: int = 30) -> AppointmentCreate:
    return AppointmentCreate(
        starts_at=starts_at,
        duration_minutes=minutes,
        patient_id=UUID(patient_id),
        doctor_id=UUID(doctor_id),
    )


def test_the_rules_are_listed() -> None:
    assert (appointment_rules.doctor_is_free,) == appointment_rules.CREATE_RULES
    assert (appointment_rules.doctor_stays_free,) == appointment_rules.UPDATE_RULES
    assert appointment_rules.DELETE_RULES == ()


async def test_an_overlapping_booking_of_the_same_doctor_is_refused(
    data_client: httpx.AsyncClient, context: RuleContext
) -> None:
    doctor = await create_doctor(data_client)
    patient = await create_patient(data_client)
    existing = await store_appointment(data_client, doctor["id"], NINE, minutes=30)

    with pytest.raises(BusinessRuleViolationError, match=existing["id"]):
        await appointment_rules.check_create(
            booking(doctor["id"], patient["id"], NINE + timedelta(minutes=20)), context
        )
    with pytest.raises(BusinessRuleViolationError):
        await appointment_rules.check_create(
            booking(doctor["id"], patient["id"], NINE - timedelta(minutes=15), minutes=60), context
        )


async def test_adjacent_times_other_doctors_and_freed_times_are_accepted(
    data_client: httpx.AsyncClient, context: RuleContext
) -> None:
    doctor = await create_doctor(data_client)
    other_doctor = await create_doctor(data_client)
    patient = await create_patient(data_client)
    await store_appointment(data_client, doctor["id"], NINE, minutes=30)
    await store_appointment(data_client, doctor["id"], NINE + timedelta(hours=2), status="cancelled")

    await appointment_rules.check_create(booking(doctor["id"], patient["id"], NINE + timedelta(minutes=30)), context)
    await appointment_rules.check_create(booking(doctor["id"], patient["id"], NINE - timedelta(minutes=30)), context)
    await appointment_rules.check_create(booking(other_doctor["id"], patient["id"], NINE), context)
    await appointment_rules.check_create(booking(doctor["id"], patient["id"], NINE + timedelta(hours=2)), context)


async def test_a_booking_that_is_not_booked_occupies_nothing(
    data_client: httpx.AsyncClient, context: RuleContext, data_requests: list[httpx.Request]
) -> None:
    doctor = await create_doctor(data_client)
    patient = await create_patient(data_client)
    await store_appointment(data_client, doctor["id"], NINE)
    data_requests.clear()
    cancelled = booking(doctor["id"], patient["id"], NINE).model_copy(update={"status": AppointmentStatus.CANCELLED})

    await appointment_rules.check_create(cancelled, context)

    assert data_requests == []


async def test_the_search_reads_every_page_of_the_doctors_bookings(
    data_client: httpx.AsyncClient, context: RuleContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(appointment_rules, "MAX_PAGE_LIMIT", 2)
    doctor = await create_doctor(data_client)
    patient = await create_patient(data_client)
    for hour in range(4):
        await store_appointment(data_client, doctor["id"], NINE + timedelta(hours=hour))

    with pytest.raises(BusinessRuleViolationError):
        await appointment_rules.check_create(booking(doctor["id"], patient["id"], NINE + timedelta(hours=3)), context)


async def test_moving_a_booking_onto_another_is_refused_but_it_never_conflicts_with_itself(
    data_client: httpx.AsyncClient, context: RuleContext
) -> None:
    doctor = await create_doctor(data_client)
    first = await store_appointment(data_client, doctor["id"], NINE)
    second = await store_appointment(data_client, doctor["id"], NINE + timedelta(hours=1))

    with pytest.raises(BusinessRuleViolationError, match=first["id"]):
        await appointment_rules.check_update(
            UUID(second["id"]), AppointmentUpdate(starts_at=NINE + timedelta(minutes=10)), context
        )
    await appointment_rules.check_update(UUID(second["id"]), AppointmentUpdate(duration_minutes=60), context)
    await appointment_rules.check_update(UUID(first["id"]), AppointmentUpdate(reason="follow-up"), context)


async def test_rebooking_a_cancelled_appointment_into_a_taken_time_is_refused(
    data_client: httpx.AsyncClient, context: RuleContext
) -> None:
    doctor = await create_doctor(data_client)
    taken = await store_appointment(data_client, doctor["id"], NINE)
    cancelled = await store_appointment(data_client, doctor["id"], NINE, status="cancelled")

    with pytest.raises(BusinessRuleViolationError, match=taken["id"]):
        await appointment_rules.check_update(
            UUID(cancelled["id"]), AppointmentUpdate(status=AppointmentStatus.BOOKED), context
        )
    await appointment_rules.check_update(
        UUID(taken["id"]), AppointmentUpdate(status=AppointmentStatus.COMPLETED), context
    )


async def test_deleting_is_always_accepted(data_client: httpx.AsyncClient, context: RuleContext) -> None:
    doctor = await create_doctor(data_client)
    stored = await store_appointment(data_client, doctor["id"], NINE)

    await appointment_rules.check_delete(UUID(stored["id"]), context)
