"""API tests of ``/api/v1/appointments``, served through the real data service."""

# Implements: FR-003
from uuid import uuid4

import httpx
import pytest

from shared.contracts.appointment import (
    AppointmentCreate,
    AppointmentPublic,
    AppointmentUpdate,
)
from tests.helpers import (
    assert_problem,
    build_appointment_payload,
    create_appointment,
)

URL = "/api/v1/appointments"


async def test_create_returns_the_stored_entity(
    client: httpx.AsyncClient,
) -> None:
    payload = await build_appointment_payload(client)

    response = await client.post(URL, json=payload)

    assert response.status_code == 201, response.text
    created = AppointmentPublic.model_validate(response.json())
    sent = AppointmentCreate.model_validate(payload).model_dump()
    assert created.model_dump(include=set(sent)) == sent


async def test_create_rejects_an_invalid_payload(
    client: httpx.AsyncClient,
) -> None:
    response = await client.post(URL, json=[])

    body = assert_problem(response, 422)
    assert body["errors"]


async def test_get_returns_the_entity(
    client: httpx.AsyncClient,
) -> None:
    created = await create_appointment(client)

    response = await client.get(f"{URL}/{created['id']}")

    assert response.status_code == 200
    assert response.json() == created


async def test_get_unknown_id_is_404(
    client: httpx.AsyncClient,
) -> None:
    response = await client.get(f"{URL}/{uuid4()}")

    body = assert_problem(response, 404)
    assert body["instance"].startswith(URL)


async def test_malformed_id_is_422(
    client: httpx.AsyncClient,
) -> None:
    response = await client.get(f"{URL}/not-a-uuid")

    body = assert_problem(response, 422)
    assert body["errors"]


async def test_unsupported_method_is_405(
    client: httpx.AsyncClient,
) -> None:
    response = await client.put(f"{URL}/{uuid4()}", json={})

    assert_problem(response, 405)
    assert response.headers["allow"]


async def test_list_is_paginated_and_sorted(
    client: httpx.AsyncClient,
) -> None:
    ids = [(await create_appointment(client))["id"] for _ in range(3)]

    first = await client.get(URL, params={"limit": 2, "sort": "created_at"})
    second = await client.get(URL, params={"limit": 2, "offset": 2, "sort": "created_at"})
    descending = await client.get(URL, params={"sort": "-created_at"})

    assert first.status_code == 200, first.text
    assert first.json()["total"] == 3
    assert [item["id"] for item in first.json()["items"] + second.json()["items"]] == ids
    assert [item["id"] for item in descending.json()["items"]] == ids[::-1]


@pytest.mark.parametrize("limit", [0, 101])
async def test_list_rejects_a_limit_out_of_range(client: httpx.AsyncClient, limit: int) -> None:
    response = await client.get(URL, params={"limit": limit})

    assert_problem(response, 422)


async def test_unknown_sort_key_is_a_422_from_the_data_service(
    client: httpx.AsyncClient,
) -> None:
    response = await client.get(URL, params={"sort": "no_such_key"})

    body = assert_problem(response, 422)
    assert "no_such_key" in body["detail"]


async def test_list_filters_by_duration_minutes(
    client: httpx.AsyncClient,
) -> None:
    first = await create_appointment(client)
    await create_appointment(client)

    value = first["duration_minutes"]

    response = await client.get(URL, params={"duration_minutes": value})

    assert response.status_code == 200, response.text
    items = response.json()["items"]
    assert first["id"] in [item["id"] for item in items]
    assert all(item["duration_minutes"] == value for item in items)


async def test_list_filters_by_status(
    client: httpx.AsyncClient,
) -> None:
    first = await create_appointment(client)
    await create_appointment(client)

    value = first["status"]

    response = await client.get(URL, params={"status": value})

    assert response.status_code == 200, response.text
    items = response.json()["items"]
    assert first["id"] in [item["id"] for item in items]
    assert all(item["status"] == value for item in items)


async def test_list_filters_by_video_room(
    client: httpx.AsyncClient,
) -> None:
    first = await create_appointment(client)
    await create_appointment(client)

    value = first["video_room"]

    response = await client.get(URL, params={"video_room": value})

    assert response.status_code == 200, response.text
    items = response.json()["items"]
    assert first["id"] in [item["id"] for item in items]
    assert all(item["video_room"] == value for item in items)


async def test_list_filters_by_patient_id(
    client: httpx.AsyncClient,
) -> None:
    first = await create_appointment(client)
    await create_appointment(client)

    value = first["patient_id"]

    response = await client.get(URL, params={"patient_id": value})

    assert response.status_code == 200, response.text
    assert [item["id"] for item in response.json()["items"]] == [first["id"]]


async def test_create_with_a_missing_patient_is_409(
    client: httpx.AsyncClient,
) -> None:
    payload = await build_appointment_payload(client)
    payload["patient_id"] = str(uuid4())

    response = await client.post(URL, json=payload)

    assert_problem(response, 409)


async def test_deleting_a_referenced_patient_is_409(
    client: httpx.AsyncClient,
) -> None:
    child = await create_appointment(client)
    parent_id = child["patient_id"]
    parent_url = f"/api/v1/patients/{parent_id}"

    response = await client.delete(parent_url)

    assert_problem(response, 409)


async def test_list_filters_by_doctor_id(
    client: httpx.AsyncClient,
) -> None:
    first = await create_appointment(client)
    await create_appointment(client)

    value = first["doctor_id"]

    response = await client.get(URL, params={"doctor_id": value})

    assert response.status_code == 200, response.text
    assert [item["id"] for item in response.json()["items"]] == [first["id"]]


async def test_create_with_a_missing_doctor_is_409(
    client: httpx.AsyncClient,
) -> None:
    payload = await build_appointment_payload(client)
    payload["doctor_id"] = str(uuid4())

    response = await client.post(URL, json=payload)

    assert_problem(response, 409)


async def test_deleting_a_referenced_doctor_is_409(
    client: httpx.AsyncClient,
) -> None:
    child = await create_appointment(client)
    parent_id = child["doctor_id"]
    parent_url = f"/api/v1/doctors/{parent_id}"

    response = await client.delete(parent_url)

    assert_problem(response, 409)


async def test_patch_changes_the_given_field(
    client: httpx.AsyncClient,
) -> None:
    created = await create_appointment(client)
    change = {"starts_at": "2031-02-03T11:30:00+00:00"}

    response = await client.patch(f"{URL}/{created['id']}", json=change)

    assert response.status_code == 200, response.text
    updated = AppointmentPublic.model_validate(response.json())
    expected = AppointmentUpdate.model_validate(change)
    assert updated.model_dump(include=set(change)) == expected.model_dump(exclude_unset=True)
    assert (await client.get(f"{URL}/{created['id']}")).json() == response.json()


async def test_patch_unknown_id_is_404(
    client: httpx.AsyncClient,
) -> None:
    response = await client.patch(f"{URL}/{uuid4()}", json={})

    assert_problem(response, 404)


async def test_delete_removes_the_entity(
    client: httpx.AsyncClient,
) -> None:
    created = await create_appointment(client)

    response = await client.delete(f"{URL}/{created['id']}")

    assert response.status_code == 204
    assert_problem(await client.get(f"{URL}/{created['id']}"), 404)


async def test_delete_unknown_id_is_404(
    client: httpx.AsyncClient,
) -> None:
    response = await client.delete(f"{URL}/{uuid4()}")

    assert_problem(response, 404)


async def test_data_service_down_is_503(unreachable_client: httpx.AsyncClient) -> None:
    response = await unreachable_client.get(URL)

    body = assert_problem(response, 503)
    assert "cannot be reached" in body["detail"]
