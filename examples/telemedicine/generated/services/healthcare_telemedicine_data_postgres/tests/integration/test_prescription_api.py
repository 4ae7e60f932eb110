"""API tests of ``/api/v1/prescriptions``."""

# Implements: FR-005
from datetime import datetime
from uuid import uuid4

import httpx
import pytest

from shared.contracts.prescription import (
    PRESCRIPTION_SORT_KEYS,
    PrescriptionCreate,
    PrescriptionPublic,
    PrescriptionUpdate,
)
from tests.helpers import (
    assert_problem,
    build_prescription_payload,
    create_prescription,
)

URL = "/api/v1/prescriptions"


async def test_create_returns_the_stored_entity(
    client: httpx.AsyncClient,
) -> None:
    payload = await build_prescription_payload(client)

    response = await client.post(URL, json=payload)

    assert response.status_code == 201, response.text
    created = PrescriptionPublic.model_validate(response.json())
    sent = PrescriptionCreate.model_validate(payload).model_dump()
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
    created = await create_prescription(client)

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
    ids = [(await create_prescription(client))["id"] for _ in range(3)]

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
    ids = [(await create_prescription(client))["id"] for _ in range(3)]

    ascending = await client.get(URL, params={"sort": "created_at"})
    descending = await client.get(URL, params={"sort": "-created_at"})

    assert [item["id"] for item in ascending.json()["items"]] == ids
    assert [item["id"] for item in descending.json()["items"]] == ids[::-1]
    times = [datetime.fromisoformat(item["created_at"]) for item in ascending.json()["items"]]
    assert times == sorted(times)


@pytest.mark.parametrize("sort_key", sorted(PRESCRIPTION_SORT_KEYS))
@pytest.mark.parametrize("prefix", ["", "-"])
async def test_list_accepts_every_sort_key(client: httpx.AsyncClient, sort_key: str, prefix: str) -> None:
    await create_prescription(client)
    await create_prescription(client)

    response = await client.get(URL, params={"sort": prefix + sort_key})

    assert response.status_code == 200, response.text
    assert response.json()["total"] == 2


async def test_list_rejects_an_unknown_sort_key(
    client: httpx.AsyncClient,
) -> None:
    response = await client.get(URL, params={"sort": "-no_such_key"})

    body = assert_problem(response, 422)
    assert "no_such_key" in body["detail"]


async def test_list_filters_by_medication(
    client: httpx.AsyncClient,
) -> None:
    first = await create_prescription(client)
    await create_prescription(client)

    value = first["medication"]

    response = await client.get(URL, params={"medication": value})

    assert response.status_code == 200, response.text
    items = response.json()["items"]
    assert first["id"] in [item["id"] for item in items]
    assert all(item["medication"] == value for item in items)


async def test_list_filters_by_dosage(
    client: httpx.AsyncClient,
) -> None:
    first = await create_prescription(client)
    await create_prescription(client)

    value = first["dosage"]

    response = await client.get(URL, params={"dosage": value})

    assert response.status_code == 200, response.text
    items = response.json()["items"]
    assert first["id"] in [item["id"] for item in items]
    assert all(item["dosage"] == value for item in items)


async def test_list_filters_by_valid_until(
    client: httpx.AsyncClient,
) -> None:
    first = await create_prescription(client)
    await create_prescription(client)

    value = first["valid_until"]

    response = await client.get(URL, params={"valid_until": value})

    assert response.status_code == 200, response.text
    items = response.json()["items"]
    assert first["id"] in [item["id"] for item in items]
    assert all(item["valid_until"] == value for item in items)


async def test_list_filters_by_medical_record_id(
    client: httpx.AsyncClient,
) -> None:
    first = await create_prescription(client)
    await create_prescription(client)

    value = first["medical_record_id"]

    response = await client.get(URL, params={"medical_record_id": value})

    assert response.status_code == 200, response.text
    assert [item["id"] for item in response.json()["items"]] == [first["id"]]


async def test_create_with_a_missing_medical_record_is_409(
    client: httpx.AsyncClient,
) -> None:
    payload = await build_prescription_payload(client)
    payload["medical_record_id"] = str(uuid4())

    response = await client.post(URL, json=payload)

    assert_problem(response, 409)


async def test_deleting_a_referenced_medical_record_is_409(
    client: httpx.AsyncClient,
) -> None:
    child = await create_prescription(client)
    parent_id = child["medical_record_id"]
    parent_url = f"/api/v1/medical-records/{parent_id}"

    response = await client.delete(parent_url)

    assert_problem(response, 409)
    assert (await client.get(f"{URL}/{child['id']}")).status_code == 200


async def test_patch_changes_only_the_given_field(
    client: httpx.AsyncClient,
) -> None:
    created = await create_prescription(client)
    change = {"medication": "updated"}

    response = await client.patch(f"{URL}/{created['id']}", json=change)

    assert response.status_code == 200, response.text
    updated = PrescriptionPublic.model_validate(response.json())
    expected = PrescriptionUpdate.model_validate(change)
    assert updated.model_dump(include=set(change)) == expected.model_dump(exclude_unset=True)
    changed = {"medication", "updated_at"}
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
    created = await create_prescription(client)

    response = await client.delete(f"{URL}/{created['id']}")

    assert response.status_code == 204
    assert_problem(await client.get(f"{URL}/{created['id']}"), 404)


async def test_delete_unknown_id_is_404(
    client: httpx.AsyncClient,
) -> None:
    response = await client.delete(f"{URL}/{uuid4()}")

    assert_problem(response, 404)
