"""API tests of ``/api/v1/availability-slots``."""

# Implements: FR-002
from datetime import datetime
from uuid import uuid4

import httpx
import pytest

from shared.contracts.availability_slot import (
    AVAILABILITY_SLOT_SORT_KEYS,
    AvailabilitySlotCreate,
    AvailabilitySlotPublic,
    AvailabilitySlotUpdate,
)
from tests.helpers import (
    assert_problem,
    build_availability_slot_payload,
    create_availability_slot,
)

URL = "/api/v1/availability-slots"


async def test_create_returns_the_stored_entity(
    client: httpx.AsyncClient,
) -> None:
    payload = await build_availability_slot_payload(client)

    response = await client.post(URL, json=payload)

    assert response.status_code == 201, response.text
    created = AvailabilitySlotPublic.model_validate(response.json())
    sent = AvailabilitySlotCreate.model_validate(payload).model_dump()
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
    created = await create_availability_slot(client)

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
    ids = [(await create_availability_slot(client))["id"] for _ in range(3)]

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
    ids = [(await create_availability_slot(client))["id"] for _ in range(3)]

    ascending = await client.get(URL, params={"sort": "created_at"})
    descending = await client.get(URL, params={"sort": "-created_at"})

    assert [item["id"] for item in ascending.json()["items"]] == ids
    assert [item["id"] for item in descending.json()["items"]] == ids[::-1]
    times = [datetime.fromisoformat(item["created_at"]) for item in ascending.json()["items"]]
    assert times == sorted(times)


@pytest.mark.parametrize("sort_key", sorted(AVAILABILITY_SLOT_SORT_KEYS))
@pytest.mark.parametrize("prefix", ["", "-"])
async def test_list_accepts_every_sort_key(client: httpx.AsyncClient, sort_key: str, prefix: str) -> None:
    await create_availability_slot(client)
    await create_availability_slot(client)

    response = await client.get(URL, params={"sort": prefix + sort_key})

    assert response.status_code == 200, response.text
    assert response.json()["total"] == 2


async def test_list_rejects_an_unknown_sort_key(
    client: httpx.AsyncClient,
) -> None:
    response = await client.get(URL, params={"sort": "-no_such_key"})

    body = assert_problem(response, 422)
    assert "no_such_key" in body["detail"]


async def test_list_filters_by_is_booked(
    client: httpx.AsyncClient,
) -> None:
    first = await create_availability_slot(client)
    await create_availability_slot(client)

    value = first["is_booked"]

    response = await client.get(URL, params={"is_booked": value})

    assert response.status_code == 200, response.text
    items = response.json()["items"]
    assert first["id"] in [item["id"] for item in items]
    assert all(item["is_booked"] == value for item in items)


async def test_list_filters_by_doctor_id(
    client: httpx.AsyncClient,
) -> None:
    first = await create_availability_slot(client)
    await create_availability_slot(client)

    value = first["doctor_id"]

    response = await client.get(URL, params={"doctor_id": value})

    assert response.status_code == 200, response.text
    assert [item["id"] for item in response.json()["items"]] == [first["id"]]


async def test_create_with_a_missing_doctor_is_409(
    client: httpx.AsyncClient,
) -> None:
    payload = await build_availability_slot_payload(client)
    payload["doctor_id"] = str(uuid4())

    response = await client.post(URL, json=payload)

    assert_problem(response, 409)


async def test_deleting_a_referenced_doctor_is_409(
    client: httpx.AsyncClient,
) -> None:
    child = await create_availability_slot(client)
    parent_id = child["doctor_id"]
    parent_url = f"/api/v1/doctors/{parent_id}"

    response = await client.delete(parent_url)

    assert_problem(response, 409)
    assert (await client.get(f"{URL}/{child['id']}")).status_code == 200


async def test_patch_changes_only_the_given_field(
    client: httpx.AsyncClient,
) -> None:
    created = await create_availability_slot(client)
    change = {"starts_at": "2031-02-03T11:30:00+00:00"}

    response = await client.patch(f"{URL}/{created['id']}", json=change)

    assert response.status_code == 200, response.text
    updated = AvailabilitySlotPublic.model_validate(response.json())
    expected = AvailabilitySlotUpdate.model_validate(change)
    assert updated.model_dump(include=set(change)) == expected.model_dump(exclude_unset=True)
    changed = {"starts_at", "updated_at"}
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
    created = await create_availability_slot(client)

    response = await client.delete(f"{URL}/{created['id']}")

    assert response.status_code == 204
    assert_problem(await client.get(f"{URL}/{created['id']}"), 404)


async def test_delete_unknown_id_is_404(
    client: httpx.AsyncClient,
) -> None:
    response = await client.delete(f"{URL}/{uuid4()}")

    assert_problem(response, 404)
