"""Use cases of the appointment entity, against the real data service."""

# Implements: FR-003
from uuid import UUID, uuid4

import httpx
import pytest

from shared.contracts.appointment import (
    AppointmentCreate,
    AppointmentFilter,
    AppointmentUpdate,
)
from src.application.use_cases.appointment_use_cases import (
    AppointmentUseCases,
)
from src.domain.errors import NotFoundError, ValidationFailedError
from src.domain.rules import RuleContext
from src.infrastructure.http_clients.appointment_client import (
    DATA_SERVICE_NAME,
    AppointmentClient,
)
from tests.helpers import (
    build_appointment_payload,
)

UseCases = AppointmentUseCases


@pytest.fixture
def data_client(data_http_clients: dict[str, httpx.AsyncClient]) -> httpx.AsyncClient:
    return data_http_clients[DATA_SERVICE_NAME]


@pytest.fixture
def use_cases(data_client: httpx.AsyncClient, data_http_clients: dict[str, httpx.AsyncClient]) -> UseCases:
    return AppointmentUseCases(
        AppointmentClient(data_client),
        RuleContext.from_http_clients(data_http_clients),
    )


async def _create(use_cases: UseCases, data_client: httpx.AsyncClient) -> UUID:
    payload = AppointmentCreate.model_validate(
        await build_appointment_payload(data_client),
    )
    return (await use_cases.create_appointment(payload)).id


async def test_create_then_get(use_cases: UseCases, data_client: httpx.AsyncClient) -> None:
    created_id = await _create(use_cases, data_client)

    assert (await use_cases.get_appointment(created_id)).id == created_id


async def test_list_pages_and_sorts(use_cases: UseCases, data_client: httpx.AsyncClient) -> None:
    ids = [await _create(use_cases, data_client) for _ in range(3)]

    page = await use_cases.list_appointments(
        AppointmentFilter(),
        sort="-created_at",
        limit=2,
        offset=0,
    )

    assert page.total == 3
    assert [item.id for item in page.items] == [ids[2], ids[1]]
    assert page.has_next


async def test_unknown_sort_key_fails_validation(use_cases: UseCases) -> None:
    with pytest.raises(ValidationFailedError, match="no_such_key"):
        await use_cases.list_appointments(
            AppointmentFilter(),
            sort="no_such_key",
            limit=10,
            offset=0,
        )


async def test_update_changes_the_given_field(use_cases: UseCases, data_client: httpx.AsyncClient) -> None:
    created_id = await _create(use_cases, data_client)
    change = AppointmentUpdate.model_validate(
        {"starts_at": "2031-02-03T11:30:00+00:00"},
    )

    updated = await use_cases.update_appointment(created_id, change)

    assert updated.starts_at == change.starts_at
    assert updated.id == created_id


async def test_delete_then_get_is_not_found(use_cases: UseCases, data_client: httpx.AsyncClient) -> None:
    created_id = await _create(use_cases, data_client)

    await use_cases.delete_appointment(created_id)

    with pytest.raises(NotFoundError):
        await use_cases.get_appointment(created_id)


async def test_unknown_id_is_not_found(use_cases: UseCases) -> None:
    with pytest.raises(NotFoundError):
        await use_cases.get_appointment(uuid4())
