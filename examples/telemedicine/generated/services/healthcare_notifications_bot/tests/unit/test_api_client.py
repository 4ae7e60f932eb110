"""The business API client against a fake API (``httpx.MockTransport``)."""

from collections.abc import Callable

import httpx
import pytest

from shared.contracts.patient import (
    PatientCreate,
)
from shared.utils.request_id import REQUEST_ID_HEADER, reset_request_id, set_request_id
from src.core.config import Settings
from src.infrastructure.api_client import (
    ApiError,
    ApiNotFoundError,
    ApiRejectedError,
    ApiUnavailableError,
    BusinessApiClient,
    build_http_client,
)
from tests.fake_api import API_BASE_URL, FakeBusinessApi, problem
from tests.fake_api import doctor_values
from tests.fake_api import availability_slot_values
from tests.fake_api import appointment_values
from tests.fake_api import patient_values

Handler = Callable[[httpx.Request], httpx.Response]


async def _request(handler: Handler) -> httpx.Response:
    async with httpx.AsyncClient(transport=httpx.MockTransport(handler), base_url=API_BASE_URL) as http_client:
        return await BusinessApiClient(http_client).request("GET", "/api/v1/anything")


@pytest.mark.parametrize(
    ("status", "error_type", "detail"),
    [
        (404, ApiNotFoundError, "Detail from the API."),
        (409, ApiRejectedError, "Detail from the API."),
        (422, ApiRejectedError, "Detail from the API."),
        (500, ApiUnavailableError, "The business API answered with status 500."),
        (503, ApiUnavailableError, "The business API answered with status 503."),
        (401, ApiError, "The business API answered with status 401."),
    ],
)
async def test_error_answers_become_api_errors(status: int, error_type: type[ApiError], detail: str) -> None:
    with pytest.raises(error_type) as raised:
        await _request(lambda request: problem(status, "Detail from the API."))

    assert raised.value.detail == detail
    assert raised.value.status == status


async def test_an_error_without_a_problem_body_gets_a_generic_detail() -> None:
    with pytest.raises(ApiNotFoundError, match=r"^Not found\.$"):
        await _request(lambda request: httpx.Response(404, text="<html>"))


@pytest.mark.parametrize("failure", [httpx.ConnectError("refused"), httpx.ReadTimeout("slow")])
async def test_a_transport_failure_means_unavailable(failure: httpx.TransportError) -> None:
    def fail(request: httpx.Request) -> httpx.Response:
        raise failure

    with pytest.raises(ApiUnavailableError, match="cannot be reached"):
        await _request(fail)


def test_the_http_client_points_at_the_api(settings: Settings) -> None:
    http_client = build_http_client(settings.model_copy(update={"http_timeout_seconds": 2.5}))

    assert str(http_client.base_url).rstrip("/") == API_BASE_URL
    assert http_client.timeout.read == 2.5
    assert http_client.headers["User-Agent"] == "healthcare_notifications_bot"


async def test_the_current_request_id_is_forwarded() -> None:
    seen: list[str | None] = []

    def capture(request: httpx.Request) -> httpx.Response:
        seen.append(request.headers.get(REQUEST_ID_HEADER))
        return httpx.Response(200, json={})

    token = set_request_id("req_forwarded")
    try:
        await _request(capture)
    finally:
        reset_request_id(token)
    await _request(capture)

    assert seen == ["req_forwarded", None]


async def test_list_doctor_page(
    api: BusinessApiClient,
    fake_api: FakeBusinessApi,
) -> None:
    stored = [
        fake_api.add(
            "doctors",
            doctor_values(n),
        )
        for n in (1, 2, 3)
    ]

    page = await api.list_doctor_page(limit=2, offset=1)

    assert [str(item.id) for item in page.items] == [item["id"] for item in stored[1:]]
    assert page.total == 3
    assert fake_api.requests[-1].url.params["sort"] == "-created_at"


async def test_list_availability_slot_page(
    api: BusinessApiClient,
    fake_api: FakeBusinessApi,
) -> None:
    stored = [
        fake_api.add(
            "availability-slots",
            availability_slot_values(n),
        )
        for n in (1, 2, 3)
    ]

    page = await api.list_availability_slot_page(limit=2, offset=1)

    assert [str(item.id) for item in page.items] == [item["id"] for item in stored[1:]]
    assert page.total == 3
    assert fake_api.requests[-1].url.params["sort"] == "-created_at"


async def test_get_appointment(
    api: BusinessApiClient,
    fake_api: FakeBusinessApi,
) -> None:
    from uuid import UUID

    stored = fake_api.add(
        "appointments",
        appointment_values(1),
    )

    item = await api.get_appointment(UUID(stored["id"]))

    assert item.model_dump(mode="json") == stored
    with pytest.raises(ApiNotFoundError):
        await api.get_appointment(UUID(int=0))


async def test_create_patient(
    api: BusinessApiClient,
    fake_api: FakeBusinessApi,
) -> None:
    payload = PatientCreate.model_validate(
        patient_values(1),
    )

    created = await api.create_patient(payload)

    stored = fake_api.items["patients"][str(created.id)]
    assert stored == created.model_dump(mode="json")
    assert fake_api.requests[-1].method == "POST"
    fake_api.reject_with = 422
    with pytest.raises(ApiRejectedError, match="Rejected by the fake API"):
        await api.create_patient(payload)
