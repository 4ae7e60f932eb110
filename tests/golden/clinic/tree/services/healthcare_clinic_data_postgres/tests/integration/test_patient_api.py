"""API tests of ``/api/v1/patients``."""

# Implements: FR-001
from datetime import datetime
from uuid import uuid4

import httpx
import pytest

from shared.contracts.patient import (
    PATIENT_SORT_KEYS,
    PatientCreate,
    PatientPublic,
    PatientUpdate,
)
from tests.helpers import (
    assert_problem,
    build_patient_payload,
    create_appointment,
    create_patient,
)

URL = "/api/v1/patients"


async def test_create_returns_the_stored_entity(
    client: httpx.AsyncClient,
) -> None:
    payload = await build_patient_payload(client)

    response = await client.post(URL, json=payload)

    assert response.status_code == 201, response.text
    created = PatientPublic.model_validate(response.json())
    sent = PatientCreate.model_validate(payload).model_dump()
    assert created.model_dump(include=set(sent)) == sent
    assert created.created_at.tzinfo is not None


async def test_create_rejects_an_invalid_payload(
    client: httpx.AsyncClient,
) -> None:
    response = await client.post(URL, json=[])

    body = assert_problem(response, 422)
    assert body["errors"]


async def test_get_returns_the_entity(
    client: httpx.AsyncClient,
) -> None:
    created = await create_patient(client)

    response = await client.get(f"{URL}/{created['id']}")

    assert response.status_code == 200
    assert response.json() == created


async def test_get_unknown_id_is_404(
    client: httpx.AsyncClient,
) -> None:
    response = await client.get(f"{URL}/{uuid4()}")

    assert_problem(response, 404)


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


async def test_list_is_paginated(
    client: httpx.AsyncClient,
) -> None:
    ids = [(await create_patient(client))["id"] for _ in range(3)]

    first = await client.get(URL, params={"limit": 2})
    second = await client.get(URL, params={"limit": 2, "offset": 2})

    assert first.status_code == 200
    assert first.json()["total"] == 3
    assert first.json()["limit"] == 2
    assert len(first.json()["items"]) == 2
    assert second.json()["offset"] == 2
    listed = [item["id"] for item in first.json()["items"] + second.json()["items"]]
    assert sorted(listed) == sorted(ids)


@pytest.mark.parametrize("limit", [0, 101])
async def test_list_rejects_a_limit_out_of_range(client: httpx.AsyncClient, limit: int) -> None:
    response = await client.get(URL, params={"limit": limit})

    assert_problem(response, 422)


async def test_list_sorts_by_creation_time_both_ways(
    client: httpx.AsyncClient,
) -> None:
    ids = [(await create_patient(client))["id"] for _ in range(3)]

    ascending = await client.get(URL, params={"sort": "created_at"})
    descending = await client.get(URL, params={"sort": "-created_at"})

    assert [item["id"] for item in ascending.json()["items"]] == ids
    assert [item["id"] for item in descending.json()["items"]] == ids[::-1]
    times = [datetime.fromisoformat(item["created_at"]) for item in ascending.json()["items"]]
    assert times == sorted(times)


@pytest.mark.parametrize("sort_key", sorted(PATIENT_SORT_KEYS))
@pytest.mark.parametrize("prefix", ["", "-"])
async def test_list_accepts_every_sort_key(client: httpx.AsyncClient, sort_key: str, prefix: str) -> None:
    await create_patient(client)
    await create_patient(client)

    response = await client.get(URL, params={"sort": prefix + sort_key})

    assert response.status_code == 200, response.text
    assert response.json()["total"] == 2


async def test_list_rejects_an_unknown_sort_key(
    client: httpx.AsyncClient,
) -> None:
    response = await client.get(URL, params={"sort": "-no_such_key"})

    body = assert_problem(response, 422)
    assert "no_such_key" in body["detail"]


async def test_list_filters_by_full_name(
    client: httpx.AsyncClient,
) -> None:
    first = await create_patient(client)
    await create_patient(client)

    value = first["full_name"]

    response = await client.get(URL, params={"full_name": value})

    assert response.status_code == 200, response.text
    items = response.json()["items"]
    assert first["id"] in [item["id"] for item in items]
    assert all(item["full_name"] == value for item in items)


async def test_list_filters_by_email(
    client: httpx.AsyncClient,
) -> None:
    first = await create_patient(client)
    await create_patient(client)

    value = first["email"]

    response = await client.get(URL, params={"email": value})

    assert response.status_code == 200, response.text
    items = response.json()["items"]
    assert first["id"] in [item["id"] for item in items]
    assert all(item["email"] == value for item in items)


async def test_list_filters_by_birth_date(
    client: httpx.AsyncClient,
) -> None:
    first = await create_patient(client)
    await create_patient(client)

    value = first["birth_date"]

    response = await client.get(URL, params={"birth_date": value})

    assert response.status_code == 200, response.text
    items = response.json()["items"]
    assert first["id"] in [item["id"] for item in items]
    assert all(item["birth_date"] == value for item in items)


async def test_duplicate_email_is_409(
    client: httpx.AsyncClient,
) -> None:
    first = await create_patient(client)
    payload = await build_patient_payload(client)
    payload["email"] = first["email"]

    response = await client.post(URL, json=payload)

    assert_problem(response, 409)


async def test_patch_changes_only_the_given_field(
    client: httpx.AsyncClient,
) -> None:
    created = await create_patient(client)
    change = {"full_name": "updated"}

    response = await client.patch(f"{URL}/{created['id']}", json=change)

    assert response.status_code == 200, response.text
    updated = PatientPublic.model_validate(response.json())
    expected = PatientUpdate.model_validate(change)
    assert updated.model_dump(include=set(change)) == expected.model_dump(exclude_unset=True)
    changed = {"full_name", "updated_at"}
    unchanged = {key: value for key, value in created.items() if key not in changed}
    assert {key: response.json()[key] for key in unchanged} == unchanged


async def test_patch_unknown_id_is_404(
    client: httpx.AsyncClient,
) -> None:
    response = await client.patch(f"{URL}/{uuid4()}", json={})

    assert_problem(response, 404)


async def test_delete_removes_the_entity(
    client: httpx.AsyncClient,
) -> None:
    created = await create_patient(client)

    response = await client.delete(f"{URL}/{created['id']}")

    assert response.status_code == 204
    assert_problem(await client.get(f"{URL}/{created['id']}"), 404)


async def test_delete_unknown_id_is_404(
    client: httpx.AsyncClient,
) -> None:
    response = await client.delete(f"{URL}/{uuid4()}")

    assert_problem(response, 404)


async def test_list_appointments(
    client: httpx.AsyncClient,
) -> None:
    child = await create_appointment(client)
    await create_appointment(client)

    parent_id = child["patient_id"]
    response = await client.get(f"{URL}/{parent_id}/appointments")

    assert response.status_code == 200, response.text
    assert response.json()["total"] == 1
    assert [item["id"] for item in response.json()["items"]] == [child["id"]]


async def test_list_appointments_of_unknown_id_is_404(
    client: httpx.AsyncClient,
) -> None:
    response = await client.get(f"{URL}/{uuid4()}/appointments")

    assert_problem(response, 404)
