"""The business API client: one method per declared call, HTTP failures mapped to worker errors."""

from uuid import uuid4

import httpx
import pytest

from shared.contracts.reminder import (
    ReminderCreate,
)
from shared.contracts.reminder import (
    ReminderUpdate,
)
from shared.utils.request_id import REQUEST_ID_HEADER, reset_request_id, set_request_id
from src.domain.errors import ApiRejectedError, ApiUnavailableError, EntityNotFoundError, FatalError, RecoverableError
from src.infrastructure.business_api import BusinessApi, BusinessApiClient, entity_url, open_http_client
from tests.fakes import SAMPLES, FakeBusinessApi


def test_errors_decide_retry_or_dead_letter() -> None:
    assert issubclass(ApiUnavailableError, RecoverableError)
    assert issubclass(EntityNotFoundError, FatalError)
    assert issubclass(ApiRejectedError, FatalError)


def test_entity_url() -> None:
    entity_id = uuid4()

    assert entity_url("things") == "/api/v1/things"
    assert entity_url("things", entity_id) == f"/api/v1/things/{entity_id}"


async def test_http_client_has_the_base_url_and_timeout() -> None:
    async with open_http_client("http://business-api:8000", 2.5) as http_client:
        assert str(http_client.base_url) == "http://business-api:8000"
        assert http_client.timeout.read == 2.5


@pytest.mark.parametrize(
    ("status", "error"),
    [
        (503, ApiUnavailableError),
        (500, ApiUnavailableError),
        (429, ApiUnavailableError),
        (404, EntityNotFoundError),
        (400, ApiRejectedError),
    ],
)
async def test_error_statuses(fake_api: FakeBusinessApi, status: int, error: type[Exception]) -> None:
    fake_api.fail_status = status
    async with fake_api.client() as http_client:
        with pytest.raises(error, match=str(status)):
            await BusinessApiClient(http_client).request("GET", "/api/v1/anything")


async def test_unreachable_api_is_recoverable() -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("Connection refused", request=request)

    async with httpx.AsyncClient(transport=httpx.MockTransport(refuse), base_url="http://business-api") as http_client:
        with pytest.raises(ApiUnavailableError, match="cannot be reached"):
            await BusinessApiClient(http_client).request("GET", "/api/v1/anything")


async def test_request_id_is_forwarded(fake_api: FakeBusinessApi, api: BusinessApi) -> None:
    token = set_request_id("req_forwarded")
    try:
        async with fake_api.client() as http_client:
            await BusinessApiClient(http_client).request("GET", entity_url(next(iter(SAMPLES))))
    finally:
        reset_request_id(token)

    assert fake_api.requests[-1].headers[REQUEST_ID_HEADER] == "req_forwarded"


async def test_get_appointment(fake_api: FakeBusinessApi, api: BusinessApi) -> None:
    entity_id = uuid4()

    found = await api.appointment.get(entity_id)

    assert found.id == entity_id
    assert fake_api.paths() == [f"/api/v1/appointments/{entity_id}"]


async def test_get_missing_appointment_is_not_found(
    fake_api: FakeBusinessApi,
    api: BusinessApi,
) -> None:
    entity_id = uuid4()
    fake_api.missing.add(str(entity_id))

    with pytest.raises(EntityNotFoundError):
        await api.appointment.get(entity_id)


async def test_find_reminders(fake_api: FakeBusinessApi, api: BusinessApi) -> None:
    page = await api.reminder.find(sort="-created_at", limit=5, offset=1)

    assert page.total == len(page.items) == 3
    request = fake_api.requests[-1]
    assert request.url.path == "/api/v1/reminders"
    assert request.url.params["sort"] == "-created_at"
    assert request.url.params["limit"] == "5"
    assert request.url.params["offset"] == "1"


async def test_create_reminder(fake_api: FakeBusinessApi, api: BusinessApi) -> None:
    values = {
        "remind_at": "2030-01-02T10:00:00+00:00",
        "status": "scheduled",
    }
    values["appointment_id"] = str(uuid4())

    created = await api.reminder.create(ReminderCreate.model_validate(values))

    assert created.id
    assert fake_api.requests[-1].method == "POST"
    assert fake_api.requests[-1].url.path == "/api/v1/reminders"


async def test_update_reminder(fake_api: FakeBusinessApi, api: BusinessApi) -> None:
    entity_id = uuid4()
    change = ReminderUpdate.model_validate(
        {"remind_at": "2031-02-03T11:30:00+00:00"},
    )

    updated = await api.reminder.update(entity_id, change)

    assert updated.id == entity_id
    assert fake_api.requests[-1].method == "PATCH"
    assert b"remind_at" in fake_api.requests[-1].content
