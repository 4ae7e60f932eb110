"""Use cases of the patient entity, against the real data service."""

# Implements: FR-001
from uuid import UUID, uuid4

import httpx
import pytest

from shared.contracts.patient import (
    PatientCreate,
    PatientFilter,
    PatientUpdate,
)
from src.application.use_cases.patient_use_cases import (
    PatientUseCases,
)
from src.domain.errors import NotFoundError, ValidationFailedError
from src.domain.rules import RuleContext
from src.infrastructure.http_clients.patient_client import (
    DATA_SERVICE_NAME,
    PatientClient,
)
from tests.helpers import (
    build_patient_payload,
    create_appointment,
)

UseCases = PatientUseCases


@pytest.fixture
def data_client(data_http_clients: dict[str, httpx.AsyncClient]) -> httpx.AsyncClient:
    return data_http_clients[DATA_SERVICE_NAME]


@pytest.fixture
def use_cases(data_client: httpx.AsyncClient, data_http_clients: dict[str, httpx.AsyncClient]) -> UseCases:
    return PatientUseCases(
        PatientClient(data_client),
        RuleContext.from_http_clients(data_http_clients),
    )


async def _create(use_cases: UseCases, data_client: httpx.AsyncClient) -> UUID:
    payload = PatientCreate.model_validate(
        await build_patient_payload(data_client),
    )
    return (await use_cases.create_patient(payload)).id


async def test_create_then_get(use_cases: UseCases, data_client: httpx.AsyncClient) -> None:
    created_id = await _create(use_cases, data_client)

    assert (await use_cases.get_patient(created_id)).id == created_id


async def test_list_pages_and_sorts(use_cases: UseCases, data_client: httpx.AsyncClient) -> None:
    ids = [await _create(use_cases, data_client) for _ in range(3)]

    page = await use_cases.list_patients(
        PatientFilter(),
        sort="-created_at",
        limit=2,
        offset=0,
    )

    assert page.total == 3
    assert [item.id for item in page.items] == [ids[2], ids[1]]
    assert page.has_next


async def test_unknown_sort_key_fails_validation(use_cases: UseCases) -> None:
    with pytest.raises(ValidationFailedError, match="no_such_key"):
        await use_cases.list_patients(
            PatientFilter(),
            sort="no_such_key",
            limit=10,
            offset=0,
        )


async def test_update_changes_the_given_field(use_cases: UseCases, data_client: httpx.AsyncClient) -> None:
    created_id = await _create(use_cases, data_client)
    change = PatientUpdate.model_validate(
        {"full_name": "updated"},
    )

    updated = await use_cases.update_patient(created_id, change)

    assert updated.full_name == change.full_name
    assert updated.id == created_id


async def test_delete_then_get_is_not_found(use_cases: UseCases, data_client: httpx.AsyncClient) -> None:
    created_id = await _create(use_cases, data_client)

    await use_cases.delete_patient(created_id)

    with pytest.raises(NotFoundError):
        await use_cases.get_patient(created_id)


async def test_unknown_id_is_not_found(use_cases: UseCases) -> None:
    with pytest.raises(NotFoundError):
        await use_cases.get_patient(uuid4())


async def test_list_appointments(
    use_cases: UseCases,
    data_client: httpx.AsyncClient,
) -> None:
    child = await create_appointment(data_client)

    page = await use_cases.list_patient_appointments(
        UUID(child["patient_id"]),
        limit=10,
        offset=0,
    )

    assert [str(item.id) for item in page.items] == [child["id"]]
