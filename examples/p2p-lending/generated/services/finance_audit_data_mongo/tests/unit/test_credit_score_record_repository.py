"""The credit score record repository, on the in-memory database."""

# Implements: FR-006
from typing import Any
from uuid import uuid4

import pytest
from pymongo.errors import ExecutionTimeout, OperationFailure

from shared.contracts.credit_score_record import (
    CreditScoreRecordUpdate,
)
from src.domain.errors import InvalidRequestError, NotFoundError
from src.domain.sorting import SortOrder
from src.infrastructure.mongo import MongoDatabase
from src.infrastructure.repositories.credit_score_record_repository import COLLECTION
from src.infrastructure.repositories.base import server_message
from src.infrastructure.repositories.registry import Repositories
from tests.helpers import store_credit_score_record


async def test_created_document_can_be_read_back(repositories: Repositories, database: MongoDatabase) -> None:
    stored = await store_credit_score_record(repositories)

    found = await repositories.credit_score_records.get(stored.id)

    assert found == stored
    assert found.created_at.tzinfo is not None
    document = await database.collection(COLLECTION).find_one({"_id": str(stored.id)})
    assert document is not None
    assert "id" not in document


async def test_missing_document_raises_not_found(repositories: Repositories) -> None:
    with pytest.raises(NotFoundError):
        await repositories.credit_score_records.get(uuid4())
    with pytest.raises(NotFoundError):
        await repositories.credit_score_records.update(uuid4(), {})
    with pytest.raises(NotFoundError):
        await repositories.credit_score_records.delete(uuid4())


async def test_list_page_counts_sorts_and_paginates(repositories: Repositories) -> None:
    stored = [await store_credit_score_record(repositories) for _ in range(3)]

    items, total = await repositories.credit_score_records.list_page(
        filters={},
        sort=SortOrder(key="created_at", descending=True),
        limit=2,
        offset=0,
    )

    assert total == 3
    expected = sorted(stored, key=lambda item: (item.created_at, str(item.id)), reverse=True)
    assert [item.created_at for item in items] == [item.created_at for item in expected[:2]]


async def test_list_page_applies_equality_filters(repositories: Repositories) -> None:
    first = await store_credit_score_record(repositories)
    await store_credit_score_record(repositories)

    items, total = await repositories.credit_score_records.list_page(
        filters={"id": first.id},
        sort=SortOrder(key="created_at"),
        limit=10,
        offset=0,
    )

    assert total == 1
    assert [item.id for item in items] == [first.id]


async def test_update_changes_the_given_fields(repositories: Repositories) -> None:
    stored = await store_credit_score_record(repositories)
    change = CreditScoreRecordUpdate.model_validate(
        {"borrower_ref": "11111111-1111-4111-8111-111111111111"},
    )

    updated = await repositories.credit_score_records.update(
        stored.id,
        change.model_dump(exclude_unset=True),
    )

    assert updated.borrower_ref == change.borrower_ref
    assert updated.updated_at >= stored.updated_at
    assert await repositories.credit_score_records.get(stored.id) == updated


async def test_update_of_a_document_deleted_meanwhile_is_not_found(
    repositories: Repositories,
    database: MongoDatabase,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    stored = await store_credit_score_record(repositories)
    collection = database.collection(COLLECTION)
    find_one_and_update = collection.find_one_and_update

    async def delete_first(*args: Any, **kwargs: Any) -> Any:
        await collection.delete_one({"_id": str(stored.id)})
        return await find_one_and_update(*args, **kwargs)

    monkeypatch.setattr(collection, "find_one_and_update", delete_first)
    repository = repositories.credit_score_records
    monkeypatch.setattr(repository, "_collection", collection)
    change = CreditScoreRecordUpdate.model_validate(
        {"borrower_ref": "11111111-1111-4111-8111-111111111111"},
    )

    with pytest.raises(NotFoundError):
        await repository.update(stored.id, change.model_dump(exclude_unset=True))


async def test_delete_removes_the_document(repositories: Repositories) -> None:
    stored = await store_credit_score_record(repositories)

    await repositories.credit_score_records.delete(stored.id)

    with pytest.raises(NotFoundError):
        await repositories.credit_score_records.get(stored.id)


async def test_aggregate_returns_documents_in_contract_form(repositories: Repositories) -> None:
    stored = await store_credit_score_record(repositories)

    documents = await repositories.credit_score_records.aggregate(
        [{"$project": {"created_at": 1}}],
    )

    assert documents == [{"_id": str(stored.id), "created_at": stored.created_at}]


async def test_aggregate_refused_by_the_database_is_an_invalid_request(repositories: Repositories) -> None:
    await store_credit_score_record(repositories)

    with pytest.raises(InvalidRequestError, match=r"refused the pipeline: .*\$bogus"):
        await repositories.credit_score_records.aggregate(
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
    repository = repositories.credit_score_records
    monkeypatch.setattr(repository, "_collection", collection)

    with pytest.raises(InvalidRequestError, match="ran longer than"):
        await repository.aggregate([{"$match": {}}])


def test_server_message_prefers_the_errmsg_of_the_server() -> None:
    assert server_message(OperationFailure("full text", 2, {"errmsg": "short", "ok": 0})) == "short"
    assert server_message(OperationFailure("only text")) == "only text"
