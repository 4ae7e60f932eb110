"""Use cases of the loan application entity, against the real data service."""

# Implements: FR-003
from uuid import UUID, uuid4

import httpx
import pytest

from shared.contracts.loan_application import (
    LoanApplicationCreate,
    LoanApplicationFilter,
    LoanApplicationUpdate,
)
from src.application.use_cases.loan_application_use_cases import (
    LoanApplicationUseCases,
)
from src.domain.errors import NotFoundError, ValidationFailedError
from src.domain.rules import RuleContext
from src.infrastructure.http_clients.loan_application_client import (
    DATA_SERVICE_NAME,
    LoanApplicationClient,
)
from tests.helpers import (
    build_loan_application_payload,
    create_investment,
    create_repayment,
)

UseCases = LoanApplicationUseCases


@pytest.fixture
def data_client(data_http_clients: dict[str, httpx.AsyncClient]) -> httpx.AsyncClient:
    return data_http_clients[DATA_SERVICE_NAME]


@pytest.fixture
def use_cases(data_client: httpx.AsyncClient, data_http_clients: dict[str, httpx.AsyncClient]) -> UseCases:
    return LoanApplicationUseCases(
        LoanApplicationClient(data_client),
        RuleContext.from_http_clients(data_http_clients),
    )


async def _create(use_cases: UseCases, data_client: httpx.AsyncClient) -> UUID:
    payload = LoanApplicationCreate.model_validate(
        await build_loan_application_payload(data_client),
    )
    return (await use_cases.create_loan_application(payload)).id


async def test_create_then_get(use_cases: UseCases, data_client: httpx.AsyncClient) -> None:
    created_id = await _create(use_cases, data_client)

    assert (await use_cases.get_loan_application(created_id)).id == created_id


async def test_list_pages_and_sorts(use_cases: UseCases, data_client: httpx.AsyncClient) -> None:
    ids = [await _create(use_cases, data_client) for _ in range(3)]

    page = await use_cases.list_loan_applications(
        LoanApplicationFilter(),
        sort="-created_at",
        limit=2,
        offset=0,
    )

    assert page.total == 3
    assert [item.id for item in page.items] == [ids[2], ids[1]]
    assert page.has_next


async def test_unknown_sort_key_fails_validation(use_cases: UseCases) -> None:
    with pytest.raises(ValidationFailedError, match="no_such_key"):
        await use_cases.list_loan_applications(
            LoanApplicationFilter(),
            sort="no_such_key",
            limit=10,
            offset=0,
        )


async def test_update_changes_the_given_field(use_cases: UseCases, data_client: httpx.AsyncClient) -> None:
    created_id = await _create(use_cases, data_client)
    change = LoanApplicationUpdate.model_validate(
        {"amount": "100.00"},
    )

    updated = await use_cases.update_loan_application(created_id, change)

    assert updated.amount == change.amount
    assert updated.id == created_id


async def test_delete_then_get_is_not_found(use_cases: UseCases, data_client: httpx.AsyncClient) -> None:
    created_id = await _create(use_cases, data_client)

    await use_cases.delete_loan_application(created_id)

    with pytest.raises(NotFoundError):
        await use_cases.get_loan_application(created_id)


async def test_unknown_id_is_not_found(use_cases: UseCases) -> None:
    with pytest.raises(NotFoundError):
        await use_cases.get_loan_application(uuid4())


async def test_list_investments(
    use_cases: UseCases,
    data_client: httpx.AsyncClient,
) -> None:
    child = await create_investment(data_client)

    page = await use_cases.list_loan_application_investments(
        UUID(child["loan_application_id"]),
        limit=10,
        offset=0,
    )

    assert [str(item.id) for item in page.items] == [child["id"]]


async def test_list_repayments(
    use_cases: UseCases,
    data_client: httpx.AsyncClient,
) -> None:
    child = await create_repayment(data_client)

    page = await use_cases.list_loan_application_repayments(
        UUID(child["loan_application_id"]),
        limit=10,
        offset=0,
    )

    assert [str(item.id) for item in page.items] == [child["id"]]
