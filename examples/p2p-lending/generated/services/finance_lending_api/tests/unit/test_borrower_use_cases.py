"""Use cases of the borrower entity, against the real data service."""

# Implements: FR-001
from uuid import UUID, uuid4

import httpx
import pytest

from shared.contracts.borrower import (
    BorrowerCreate,
    BorrowerFilter,
    BorrowerUpdate,
)
from src.application.use_cases.borrower_use_cases import (
    BorrowerUseCases,
)
from src.domain.errors import NotFoundError, ValidationFailedError
from src.domain.rules import RuleContext
from src.infrastructure.http_clients.borrower_client import (
    DATA_SERVICE_NAME,
    BorrowerClient,
)
from tests.helpers import (
    build_borrower_payload,
    create_loan_application,
)

UseCases = BorrowerUseCases


@pytest.fixture
def data_client(data_http_clients: dict[str, httpx.AsyncClient]) -> httpx.AsyncClient:
    return data_http_clients[DATA_SERVICE_NAME]


@pytest.fixture
def use_cases(data_client: httpx.AsyncClient, data_http_clients: dict[str, httpx.AsyncClient]) -> UseCases:
    return BorrowerUseCases(
        BorrowerClient(data_client),
        RuleContext.from_http_clients(data_http_clients),
    )


async def _create(use_cases: UseCases, data_client: httpx.AsyncClient) -> UUID:
    payload = BorrowerCreate.model_validate(
        await build_borrower_payload(data_client),
    )
    return (await use_cases.create_borrower(payload)).id


async def test_create_then_get(use_cases: UseCases, data_client: httpx.AsyncClient) -> None:
    created_id = await _create(use_cases, data_client)

    assert (await use_cases.get_borrower(created_id)).id == created_id


async def test_list_pages_and_sorts(use_cases: UseCases, data_client: httpx.AsyncClient) -> None:
    ids = [await _create(use_cases, data_client) for _ in range(3)]

    page = await use_cases.list_borrowers(
        BorrowerFilter(),
        sort="-created_at",
        limit=2,
        offset=0,
    )

    assert page.total == 3
    assert [item.id for item in page.items] == [ids[2], ids[1]]
    assert page.has_next


async def test_unknown_sort_key_fails_validation(use_cases: UseCases) -> None:
    with pytest.raises(ValidationFailedError, match="no_such_key"):
        await use_cases.list_borrowers(
            BorrowerFilter(),
            sort="no_such_key",
            limit=10,
            offset=0,
        )


async def test_update_changes_the_given_field(use_cases: UseCases, data_client: httpx.AsyncClient) -> None:
    created_id = await _create(use_cases, data_client)
    change = BorrowerUpdate.model_validate(
        {"full_name": "updated"},
    )

    updated = await use_cases.update_borrower(created_id, change)

    assert updated.full_name == change.full_name
    assert updated.id == created_id


async def test_delete_then_get_is_not_found(use_cases: UseCases, data_client: httpx.AsyncClient) -> None:
    created_id = await _create(use_cases, data_client)

    await use_cases.delete_borrower(created_id)

    with pytest.raises(NotFoundError):
        await use_cases.get_borrower(created_id)


async def test_unknown_id_is_not_found(use_cases: UseCases) -> None:
    with pytest.raises(NotFoundError):
        await use_cases.get_borrower(uuid4())


async def test_list_loan_applications(
    use_cases: UseCases,
    data_client: httpx.AsyncClient,
) -> None:
    child = await create_loan_application(data_client)

    page = await use_cases.list_borrower_loan_applications(
        UUID(child["borrower_id"]),
        limit=10,
        offset=0,
    )

    assert [str(item.id) for item in page.items] == [child["id"]]
