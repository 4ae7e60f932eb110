"""The medical record repository, on a real session."""

# Implements: FR-004
from uuid import uuid4

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from shared.contracts.medical_record import (
    MedicalRecordUpdate,
)
from src.domain.errors import NotFoundError
from src.domain.sorting import SortOrder
from src.infrastructure.unit_of_work import UnitOfWork
from tests.helpers import store_medical_record


@pytest.fixture
def unit_of_work(session: AsyncSession) -> UnitOfWork:
    return UnitOfWork(session)


async def test_created_row_can_be_read_back(unit_of_work: UnitOfWork) -> None:
    stored = await store_medical_record(unit_of_work)
    await unit_of_work.commit()

    found = await unit_of_work.medical_records.get(stored.id)

    assert found.id == stored.id
    assert found.created_at.tzinfo is not None


async def test_missing_row_raises_not_found(unit_of_work: UnitOfWork) -> None:
    with pytest.raises(NotFoundError):
        await unit_of_work.medical_records.get(uuid4())
    with pytest.raises(NotFoundError):
        await unit_of_work.medical_records.update(uuid4(), {})
    with pytest.raises(NotFoundError):
        await unit_of_work.medical_records.delete(uuid4())


async def test_list_page_counts_sorts_and_paginates(unit_of_work: UnitOfWork) -> None:
    stored = [await store_medical_record(unit_of_work) for _ in range(3)]
    await unit_of_work.commit()

    rows, total = await unit_of_work.medical_records.list_page(
        filters={},
        sort=SortOrder(key="created_at", descending=True),
        limit=2,
        offset=0,
    )

    assert total == 3
    assert [row.id for row in rows] == [stored[2].id, stored[1].id]


async def test_list_page_applies_equality_filters(unit_of_work: UnitOfWork) -> None:
    first = await store_medical_record(unit_of_work)
    await store_medical_record(unit_of_work)

    rows, total = await unit_of_work.medical_records.list_page(
        filters={"id": first.id},
        sort=SortOrder(key="created_at"),
        limit=10,
        offset=0,
    )

    assert total == 1
    assert [row.id for row in rows] == [first.id]


async def test_update_changes_the_given_fields(unit_of_work: UnitOfWork) -> None:
    stored = await store_medical_record(unit_of_work)
    change = MedicalRecordUpdate.model_validate(
        {"summary": "updated"},
    )

    values = change.model_dump(exclude_unset=True)

    updated = await unit_of_work.medical_records.update(stored.id, values)

    assert updated.summary == change.summary


async def test_delete_removes_the_row(unit_of_work: UnitOfWork) -> None:
    stored = await store_medical_record(unit_of_work)

    await unit_of_work.medical_records.delete(stored.id)

    with pytest.raises(NotFoundError):
        await unit_of_work.medical_records.get(stored.id)
