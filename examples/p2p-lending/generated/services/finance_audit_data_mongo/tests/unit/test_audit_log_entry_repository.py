"""The audit log entry repository, on the in-memory database."""

# Implements: FR-007
from typing import Any
from uuid import uuid4

import pytest
from pymongo.errors import ExecutionTimeout, OperationFailure

from shared.contracts.audit_log_entry import (
    AuditLogEntryUpdate,
)
from src.domain.errors import InvalidRequestError, NotFoundError
from src.domain.sorting import SortOrder
from src.infrastructure.mongo import MongoDatabase
from src.infrastructure.repositories.audit_log_entry_repository import COLLECTION
from src.infrastructure.repositories.base import server_message
from src.infrastructure.repositories.registry import Repositories
from tests.helpers import store_audit_log_entry


async def test_created_document_can_be_read_back(repositories: Repositories, database: MongoDatabase) -> None:
    stored = await store_audit_log_entry(repositories)

    found = await repositories.audit_log_entries.get(stored.id)

    assert found == stored
    assert found.created_at.tzinfo is not None
    document = await database.collection(COLLECTION).find_one({"_id": str(stored.id)})
    assert document is not None
    assert "id" not in document


async def test_missing_document_raises_not_found(repositories: Repositories) -> None:
    with pytest.raises(NotFoundError):
        await repositories.audit_log_entries.get(uuid4())
    with pytest.raises(NotFoundError):
        await repositories.audit_log_entries.update(uuid4(), {})
    with pytest.raises(NotFoundError):
        await repositories.audit_log_entries.delete(uuid4())


async def test_list_page_counts_sorts_and_paginates(repositories: Repositories) -> None:
    stored = [await store_audit_log_entry(repositories) for _ in range(3)]

    items, total = await repositories.audit_log_entries.list_page(
        filters={},
        sort=SortOrder(key="created_at", descending=True),
        limit=2,
        offset=0,
    )

    assert total == 3
    expected = sorted(stored, key=lambda item: (item.created_at, str(item.id)), reverse=True)
    assert [item.created_at for item in items] == [item.created_at for item in expected[:2]]


async def test_list_page_applies_equality_filters(repositories: Repositories) -> None:
    first = await store_audit_log_entry(repositories)
    await store_audit_log_entry(repositories)

    items, total = await repositories.audit_log_entries.list_page(
        filters={"id": first.id},
        sort=SortOrder(key="created_at"),
        limit=10,
        offset=0,
    )

    assert total == 1
    assert [item.id for item in items] == [first.id]


async def test_update_changes_the_given_fields(repositories: Repositories) -> None:
    stored = await store_audit_log_entry(repositories)
    change = AuditLogEntryUpdate.model_validate(
        {"actor": "updated"},
    )

    updated = await repositories.audit_log_entries.update(
        stored.id,
        change.model_dump(exclude_unset=True),
    )

    assert updated.actor == change.actor
    assert updated.updated_at >= stored.updated_at
    assert await repositories.audit_log_entries.get(stored.id) == updated


async def test_update_of_a_document_deleted_meanwhile_is_not_found(
    repositories: Repositories,
    database: MongoDatabase,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    stored = await store_audit_log_entry(repositories)
    collection = database.collection(COLLECTION)
    find_one_and_update = collection.find_one_and_update

    async def delete_first(*args: Any, **kwargs: Any) -> Any:
        await collection.delete_one({"_id": str(stored.id)})
        return await find_one_and_update(*args, **kwargs)

    monkeypatch.setattr(collection, "find_one_and_update", delete_first)
    repository = repositories.audit_log_entries
    monkeypatch.setattr(repository, "_collection", collection)
    change = AuditLogEntryUpdate.model_validate(
        {"actor": "updated"},
    )

    with pytest.raises(NotFoundError):
        await repository.update(stored.id, change.model_dump(exclude_unset=True))


async def test_delete_removes_the_document(repositories: Repositories) -> None:
    stored = await store_audit_log_entry(repositories)

    await repositories.audit_log_entries.delete(stored.id)

    with pytest.raises(NotFoundError):
        await repositories.audit_log_entries.get(stored.id)


async def test_aggregate_returns_documents_in_contract_form(repositories: Repositories) -> None:
    stored = await store_audit_log_entry(repositories)

    documents = await repositories.audit_log_entries.aggregate(
        [{"$project": {"created_at": 1}}],
    )

    assert documents == [{"_id": str(stored.id), "created_at": stored.created_at}]


async def test_aggregate_refused_by_the_database_is_an_invalid_request(repositories: Repositories) -> None:
    await store_audit_log_entry(repositories)

    with pytest.raises(InvalidRequestError, match=r"refused the pipeline: .*\$bogus"):
        await repositories.audit_log_entries.aggregate(
            [{"$match": {"created_at": {"$bogus": 1}}}],
        )


async def test_aggregate_running_too_long_is_an_invalid_request(
    repositories: Repositories,
    database: MongoDatabase,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    collection = database.collection(COLLECTION)

    class _SlowCursor:
        async def to_list(self, length: int | None) -> list[dict[str, Any]]:
            raise ExecutionTimeout("operation exceeded time limit", 50)

    def aggregate(*args: Any, **kwargs: Any) -> _SlowCursor:
        assert kwargs["maxTimeMS"] > 0
        return _SlowCursor()

    monkeypatch.setattr(collection, "aggregate", aggregate)
    repository = repositories.audit_log_entries
    monkeypatch.setattr(repository, "_collection", collection)

    with pytest.raises(InvalidRequestError, match="ran longer than"):
        await repository.aggregate([{"$match": {}}])


def test_server_message_prefers_the_errmsg_of_the_server() -> None:
    assert server_message(OperationFailure("full text", 2, {"errmsg": "short", "ok": 0})) == "short"
    assert server_message(OperationFailure("only text")) == "only text"
