"""API tests of ``/api/v1/doctors``, served through the real data service."""

# Implements: FR-002
from uuid import uuid4

import httpx
import pytest

from shared.contracts.doctor import (
    DoctorCreate,
    DoctorPublic,
    DoctorUpdate,
)
from tests.helpers import (
    assert_problem,
    build_doctor_payload,
    create_doctor,
)

URL = "/api/v1/doctors"


async def test_create_returns_the_stored_entity(
    client: httpx.AsyncClient,
) -> None:
    payload = await build_doctor_payload(client)

    response = await client.post(URL, json=payload)

    assert response.status_code == 201, response.text
    created = DoctorPublic.model_validate(response.json())
    sent = DoctorCreate.model_validate(payload).model_dump()
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
    created = await create_doctor(client)

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
    ids = [(await create_doctor(client))["id"] for _ in range(3)]

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


async def test_list_filters_by_full_name(
    client: httpx.AsyncClient,
) -> None:
    first = await create_doctor(client)
    await create_doctor(client)

    value = first["full_name"]

    response = await client.get(URL, params={"full_name": value})

    assert response.status_code == 200, response.text
    items = response.json()["items"]
    assert first["id"] in [item["id"] for item in items]
    assert all(item["full_name"] == value for item in items)


async def test_list_filters_by_specialty(
    client: httpx.AsyncClient,
) -> None:
    first = await create_doctor(client)
    await create_doctor(client)

    value = first["specialty"]

    response = await client.get(URL, params={"specialty": value})

    assert response.status_code == 200, response.text
    items = response.json()["items"]
    assert first["id"] in [item["id"] for item in items]
    assert all(item["specialty"] == value for item in items)


async def test_list_filters_by_license_number(
    client: httpx.AsyncClient,
) -> None:
    first = await create_doctor(client)
    await create_doctor(client)

    value = first["license_number"]

    response = await client.get(URL, params={"license_number": value})

    assert response.status_code == 200, response.text
    items = response.json()["items"]
    assert first["id"] in [item["id"] for item in items]
    assert all(item["license_number"] == value for item in items)


async def test_list_filters_by_is_active(
    client: httpx.AsyncClient,
) -> None:
    first = await create_doctor(client)
    await create_doctor(client)

    value = first["is_active"]

    response = await client.get(URL, params={"is_active": value})

    assert response.status_code == 200, response.text
    items = response.json()["items"]
    assert first["id"] in [item["id"] for item in items]
    assert all(item["is_active"] == value for item in items)


async def test_duplicate_license_number_is_409(
    client: httpx.AsyncClient,
) -> None:
    first = await create_doctor(client)
    payload = await build_doctor_payload(client)
    payload["license_number"] = first["license_number"]

    response = await client.post(URL, json=payload)

    assert_problem(response, 409)


async def test_patch_changes_the_given_field(
    client: httpx.AsyncClient,
) -> None:
    created = await create_doctor(client)
    change = {"full_name": "updated"}

    response = await client.patch(f"{URL}/{created['id']}", json=change)

    assert response.status_code == 200, response.text
    updated = DoctorPublic.model_validate(response.json())
    expected = DoctorUpdate.model_validate(change)
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
    created = await create_doctor(client)

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
