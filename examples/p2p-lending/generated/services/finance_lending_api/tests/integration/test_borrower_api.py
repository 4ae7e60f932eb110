"""API tests of ``/api/v1/borrowers``, served through the real data service."""

# Implements: FR-001
from uuid import uuid4

import httpx
import pytest

from shared.contracts.borrower import (
    BorrowerCreate,
    BorrowerPublic,
    BorrowerUpdate,
)
from tests.helpers import (
    assert_problem,
    build_borrower_payload,
    create_loan_application,
    create_borrower,
)

URL = "/api/v1/borrowers"


async def test_create_returns_the_stored_entity(
    client: httpx.AsyncClient,
) -> None:
    payload = await build_borrower_payload(client)

    response = await client.post(URL, json=payload)

    assert response.status_code == 201, response.text
    created = BorrowerPublic.model_validate(response.json())
    sent = BorrowerCreate.model_validate(payload).model_dump()
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
    created = await create_borrower(client)

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
    ids = [(await create_borrower(client))["id"] for _ in range(3)]

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
    first = await create_borrower(client)
    await create_borrower(client)

    value = first["full_name"]

    response = await client.get(URL, params={"full_name": value})

    assert response.status_code == 200, response.text
    items = response.json()["items"]
    assert first["id"] in [item["id"] for item in items]
    assert all(item["full_name"] == value for item in items)


async def test_list_filters_by_email(
    client: httpx.AsyncClient,
) -> None:
    first = await create_borrower(client)
    await create_borrower(client)

    value = first["email"]

    response = await client.get(URL, params={"email": value})

    assert response.status_code == 200, response.text
    items = response.json()["items"]
    assert first["id"] in [item["id"] for item in items]
    assert all(item["email"] == value for item in items)


async def test_list_filters_by_kyc_status(
    client: httpx.AsyncClient,
) -> None:
    first = await create_borrower(client)
    await create_borrower(client)

    value = first["kyc_status"]

    response = await client.get(URL, params={"kyc_status": value})

    assert response.status_code == 200, response.text
    items = response.json()["items"]
    assert first["id"] in [item["id"] for item in items]
    assert all(item["kyc_status"] == value for item in items)


async def test_list_filters_by_credit_score(
    client: httpx.AsyncClient,
) -> None:
    first = await create_borrower(client)
    await create_borrower(client)

    value = first["credit_score"]

    response = await client.get(URL, params={"credit_score": value})

    assert response.status_code == 200, response.text
    items = response.json()["items"]
    assert first["id"] in [item["id"] for item in items]
    assert all(item["credit_score"] == value for item in items)


async def test_duplicate_email_is_409(
    client: httpx.AsyncClient,
) -> None:
    first = await create_borrower(client)
    payload = await build_borrower_payload(client)
    payload["email"] = first["email"]

    response = await client.post(URL, json=payload)

    assert_problem(response, 409)


async def test_patch_changes_the_given_field(
    client: httpx.AsyncClient,
) -> None:
    created = await create_borrower(client)
    change = {"full_name": "updated"}

    response = await client.patch(f"{URL}/{created['id']}", json=change)

    assert response.status_code == 200, response.text
    updated = BorrowerPublic.model_validate(response.json())
    expected = BorrowerUpdate.model_validate(change)
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
    created = await create_borrower(client)

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


async def test_list_loan_applications(
    client: httpx.AsyncClient,
) -> None:
    child = await create_loan_application(client)
    await create_loan_application(client)

    parent_id = child["borrower_id"]
    response = await client.get(f"{URL}/{parent_id}/loan-applications")

    assert response.status_code == 200, response.text
    assert [item["id"] for item in response.json()["items"]] == [child["id"]]


async def test_list_loan_applications_of_unknown_id_is_404(
    client: httpx.AsyncClient,
) -> None:
    response = await client.get(f"{URL}/{uuid4()}/loan-applications")

    assert_problem(response, 404)
