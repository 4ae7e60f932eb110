"""A whole life cycle across every entity: create in dependency order, read, then delete children first."""

import httpx

from tests.helpers import create_patient
from tests.helpers import create_doctor
from tests.helpers import create_availability_slot
from tests.helpers import create_appointment
from tests.helpers import create_medical_record
from tests.helpers import create_prescription
from tests.helpers import create_reminder


async def test_every_entity_can_be_created_listed_and_deleted(client: httpx.AsyncClient) -> None:
    created: list[tuple[str, str]] = []
    entity = await create_patient(client)
    created.append(("/api/v1/patients", entity["id"]))
    entity = await create_doctor(client)
    created.append(("/api/v1/doctors", entity["id"]))
    entity = await create_availability_slot(client)
    created.append(("/api/v1/availability-slots", entity["id"]))
    entity = await create_appointment(client)
    created.append(("/api/v1/appointments", entity["id"]))
    entity = await create_medical_record(client)
    created.append(("/api/v1/medical-records", entity["id"]))
    entity = await create_prescription(client)
    created.append(("/api/v1/prescriptions", entity["id"]))
    entity = await create_reminder(client)
    created.append(("/api/v1/reminders", entity["id"]))

    for url, entity_id in created:
        assert (await client.get(f"{url}/{entity_id}")).status_code == 200
        assert (await client.get(url)).json()["total"] >= 1

    for url, entity_id in reversed(created):
        response = await client.delete(f"{url}/{entity_id}")
        assert response.status_code == 204, response.text
