"""API tests of ``/api/v1/audit-log-entries``: the same contract as a PostgreSQL data API, plus aggregation."""

# Implements: FR-007
from datetime import datetime
from uuid import uuid4

import httpx
import pytest

from shared.contracts.audit_log_entry import (
    AUDIT_LOG_ENTRY_SORT_KEYS,
    AuditLogEntryCreate,
    AuditLogEntryPublic,
    AuditLogEntryUpdate,
)
from tests.helpers import (
    assert_problem,
    build_audit_log_entry_payload,
    create_audit_log_entry,
)

URL = "/api/v1/audit-log-entries"


async def test_create_returns_the_stored_entity(
    client: httpx.AsyncClient,
) -> None:
    payload = await build_audit_log_entry_payload(client)

    response = await client.post(URL, json=payload)

    assert response.status_code == 201, response.text
    created = AuditLogEntryPublic.model_validate(response.json())
    sent = AuditLogEntryCreate.model_validate(payload).model_dump()
    assert created.model_dump(include=set(sent)) == sent
    assert created.created_at.tzinfo is not None
    assert created.updated_at == created.created_at


async def test_create_rejects_an_invalid_payload(
    client: httpx.AsyncClient,
) -> None:
    response = await client.post(URL, json=[])

    body = assert_problem(response, 422)
    assert body["errors"]


async def test_get_returns_the_entity(
    client: httpx.AsyncClient,
) -> None:
    created = await create_audit_log_entry(client)

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


async def test_list_paginates_and_counts(
    client: httpx.AsyncClient,
) -> None:
    ids = [(await create_audit_log_entry(client))["id"] for _ in range(3)]

    first = await client.get(URL, params={"limit": 2})
    second = await client.get(URL, params={"limit": 2, "offset": 2})

    assert first.status_code == 200
    assert first.json()["total"] == 3
    assert first.json()["limit"] == 2
    assert len(first.json()["items"]) == 2
    assert second.json()["offset"] == 2
    assert len(second.json()["items"]) == 1
    listed = [item["id"] for item in first.json()["items"] + second.json()["items"]]
    assert sorted(listed) == sorted(ids)


@pytest.mark.parametrize("limit", [0, 101])
async def test_list_rejects_a_limit_out_of_range(client: httpx.AsyncClient, limit: int) -> None:
    response = await client.get(URL, params={"limit": limit})

    assert_problem(response, 422)


async def test_list_sorts_by_creation_time_both_ways(
    client: httpx.AsyncClient,
) -> None:
    ids = [(await create_audit_log_entry(client))["id"] for _ in range(3)]

    ascending = await client.get(URL, params={"sort": "created_at"})
    descending = await client.get(URL, params={"sort": "-created_at"})

    times = [datetime.fromisoformat(item["created_at"]) for item in ascending.json()["items"]]
    assert times == sorted(times)
    assert sorted(item["id"] for item in ascending.json()["items"]) == sorted(ids)
    assert [item["id"] for item in descending.json()["items"]] == [
        item["id"] for item in reversed(ascending.json()["items"])
    ]


@pytest.mark.parametrize("sort_key", sorted(AUDIT_LOG_ENTRY_SORT_KEYS))
@pytest.mark.parametrize("prefix", ["", "-"])
async def test_list_accepts_every_sort_key(client: httpx.AsyncClient, sort_key: str, prefix: str) -> None:
    await create_audit_log_entry(client)
    await create_audit_log_entry(client)

    response = await client.get(URL, params={"sort": prefix + sort_key})

    assert response.status_code == 200, response.text
    assert response.json()["total"] == 2
    values = [item[sort_key] for item in response.json()["items"]]
    assert None in values or values == sorted(values, reverse=prefix == "-")


async def test_list_rejects_an_unknown_sort_key(
    client: httpx.AsyncClient,
) -> None:
    response = await client.get(URL, params={"sort": "-no_such_key"})

    body = assert_problem(response, 422)
    assert "no_such_key" in body["detail"]


async def test_list_filters_by_actor(
    client: httpx.AsyncClient,
) -> None:
    first = await create_audit_log_entry(client)
    await create_audit_log_entry(client)

    value = first["actor"]

    response = await client.get(URL, params={"actor": value})

    assert response.status_code == 200, response.text
    items = response.json()["items"]
    assert first["id"] in [item["id"] for item in items]
    assert all(item["actor"] == value for item in items)


async def test_list_filters_by_action(
    client: httpx.AsyncClient,
) -> None:
    first = await create_audit_log_entry(client)
    await create_audit_log_entry(client)

    value = first["action"]

    response = await client.get(URL, params={"action": value})

    assert response.status_code == 200, response.text
    items = response.json()["items"]
    assert first["id"] in [item["id"] for item in items]
    assert all(item["action"] == value for item in items)


async def test_list_filters_by_subject_ref(
    client: httpx.AsyncClient,
) -> None:
    first = await create_audit_log_entry(client)
    await create_audit_log_entry(client)

    value = first["subject_ref"]

    response = await client.get(URL, params={"subject_ref": value})

    assert response.status_code == 200, response.text
    items = response.json()["items"]
    assert first["id"] in [item["id"] for item in items]
    assert all(item["subject_ref"] == value for item in items)


async def test_patch_changes_only_the_given_field(
    client: httpx.AsyncClient,
) -> None:
    created = await create_audit_log_entry(client)
    change = {"actor": "updated"}

    response = await client.patch(f"{URL}/{created['id']}", json=change)

    assert response.status_code == 200, response.text
    updated = AuditLogEntryPublic.model_validate(response.json())
    expected = AuditLogEntryUpdate.model_validate(change)
    assert updated.model_dump(include=set(change)) == expected.model_dump(exclude_unset=True)
    assert updated.updated_at >= updated.created_at
    changed = {"actor", "updated_at"}
    unchanged = {key: value for key, value in created.items() if key not in changed}
    assert {key: response.json()[key] for key in unchanged} == unchanged
    assert (await client.get(f"{URL}/{created['id']}")).json() == response.json()


async def test_empty_patch_changes_nothing(
    client: httpx.AsyncClient,
) -> None:
    created = await create_audit_log_entry(client)

    response = await client.patch(f"{URL}/{created['id']}", json={})

    assert response.status_code == 200, response.text
    assert response.json() == created


async def test_patch_null_actor_is_422(
    client: httpx.AsyncClient,
) -> None:
    created = await create_audit_log_entry(client)

    response = await client.patch(f"{URL}/{created['id']}", json={"actor": None})

    body = assert_problem(response, 422)
    assert "cannot be null" in body["detail"]
    assert (await client.get(f"{URL}/{created['id']}")).json() == created


async def test_patch_null_action_is_422(
    client: httpx.AsyncClient,
) -> None:
    created = await create_audit_log_entry(client)

    response = await client.patch(f"{URL}/{created['id']}", json={"action": None})

    body = assert_problem(response, 422)
    assert "cannot be null" in body["detail"]
    assert (await client.get(f"{URL}/{created['id']}")).json() == created


async def test_patch_null_clears_subject_ref(
    client: httpx.AsyncClient,
) -> None:
    created = await create_audit_log_entry(client)

    response = await client.patch(f"{URL}/{created['id']}", json={"subject_ref": None})

    assert response.status_code == 200, response.text
    assert response.json()["subject_ref"] is None
    assert (await client.get(f"{URL}/{created['id']}")).json()["subject_ref"] is None


async def test_patch_null_clears_details(
    client: httpx.AsyncClient,
) -> None:
    created = await create_audit_log_entry(client)

    response = await client.patch(f"{URL}/{created['id']}", json={"details": None})

    assert response.status_code == 200, response.text
    assert response.json()["details"] is None
    assert (await client.get(f"{URL}/{created['id']}")).json()["details"] is None


async def test_patch_unknown_id_is_404(
    client: httpx.AsyncClient,
) -> None:
    response = await client.patch(f"{URL}/{uuid4()}", json={})

    assert_problem(response, 404)


async def test_delete_removes_the_entity(
    client: httpx.AsyncClient,
) -> None:
    created = await create_audit_log_entry(client)

    response = await client.delete(f"{URL}/{created['id']}")

    assert response.status_code == 204
    assert_problem(await client.get(f"{URL}/{created['id']}"), 404)


async def test_delete_unknown_id_is_404(
    client: httpx.AsyncClient,
) -> None:
    response = await client.delete(f"{URL}/{uuid4()}")

    assert_problem(response, 404)


async def test_aggregate_counts_matching_documents(
    client: httpx.AsyncClient,
) -> None:
    created = [await create_audit_log_entry(client) for _ in range(3)]
    pipeline = [{"$match": {"_id": {"$in": [item["id"] for item in created[:2]]}}}, {"$count": "matching"}]

    response = await client.post(f"{URL}/aggregate", json={"pipeline": pipeline})

    assert response.status_code == 200, response.text
    assert response.json() == {"items": [{"matching": 2}]}


async def test_aggregate_groups_and_sorts(
    client: httpx.AsyncClient,
) -> None:
    for _ in range(3):
        await create_audit_log_entry(client)
    pipeline = [
        {"$group": {"_id": None, "count": {"$sum": 1}, "first": {"$min": "$created_at"}}},
        {"$project": {"_id": 0, "count": 1, "first": 1}},
    ]

    response = await client.post(f"{URL}/aggregate", json={"pipeline": pipeline})

    assert response.status_code == 200, response.text
    [result] = response.json()["items"]
    assert result["count"] == 3
    assert datetime.fromisoformat(result["first"]).tzinfo is not None


async def test_aggregate_reads_extended_json_dates(
    client: httpx.AsyncClient,
) -> None:
    created = await create_audit_log_entry(client)
    since = {"$date": created["created_at"]}
    pipeline = [{"$match": {"created_at": {"$gte": since}}}, {"$project": {"_id": 1}}]

    response = await client.post(f"{URL}/aggregate", json={"pipeline": pipeline})

    assert response.status_code == 200, response.text
    assert response.json()["items"] == [{"_id": created["id"]}]


async def test_aggregate_sorts_and_limits(
    client: httpx.AsyncClient,
) -> None:
    created = [await create_audit_log_entry(client) for _ in range(3)]
    pipeline = [{"$sort": {"created_at": -1, "_id": -1}}, {"$limit": 2}, {"$project": {"_id": 1}}]

    response = await client.post(f"{URL}/aggregate", json={"pipeline": pipeline})

    assert response.status_code == 200, response.text
    items = response.json()["items"]
    assert len(items) == 2
    assert {item["_id"] for item in items} <= {item["id"] for item in created}


@pytest.mark.parametrize(
    "stage",
    [
        {"$out": "stolen"},
        {"$merge": {"into": "stolen"}},
        {"$lookup": {"from": "other", "localField": "a", "foreignField": "b", "as": "c"}},
        {"$match": {"$where": "sleep(1000)"}},
        {"$group": {"_id": None, "x": {"$accumulator": {}}}},
        {"$addFields": {"x": {"$function": {"body": "return 1", "args": [], "lang": "js"}}}},
    ],
)
async def test_aggregate_refuses_unsafe_stages(client: httpx.AsyncClient, stage: dict[str, object]) -> None:
    response = await client.post(f"{URL}/aggregate", json={"pipeline": [stage]})

    body = assert_problem(response, 422)
    assert "not allowed" in body["detail"]


async def test_aggregate_refused_by_the_database_is_422(client: httpx.AsyncClient) -> None:
    await create_audit_log_entry(client)

    response = await client.post(f"{URL}/aggregate", json={"pipeline": [{"$count": ""}]})

    body = assert_problem(response, 422)
    assert "refused the pipeline" in body["detail"]


@pytest.mark.parametrize("body", [{"pipeline": []}, {"pipeline": "$out"}, {}])
async def test_aggregate_rejects_a_malformed_request(client: httpx.AsyncClient, body: dict[str, object]) -> None:
    response = await client.post(f"{URL}/aggregate", json=body)

    problem = assert_problem(response, 422)
    assert problem["errors"]
