"""The business API client: one method per declared call, HTTP failures mapped to worker errors."""

from uuid import uuid4

import httpx
import pytest

from shared.contracts.borrower import (
    BorrowerUpdate,
)
from shared.contracts.credit_score_record import (
    CreditScoreRecordCreate,
)
from shared.contracts.repayment import (
    RepaymentUpdate,
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
        assert "X-API-Key" not in http_client.headers


async def test_http_client_sends_the_api_key() -> None:
    async with open_http_client("http://business-api:8000", 2.5, "worker-key") as http_client:
        assert http_client.headers["X-API-Key"] == "worker-key"


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


async def test_get_loan_application(fake_api: FakeBusinessApi, api: BusinessApi) -> None:
    entity_id = uuid4()

    found = await api.loan_application.get(entity_id)

    assert found.id == entity_id
    assert fake_api.paths() == [f"/api/v1/loan-applications/{entity_id}"]


async def test_get_missing_loan_application_is_not_found(
    fake_api: FakeBusinessApi,
    api: BusinessApi,
) -> None:
    entity_id = uuid4()
    fake_api.missing.add(str(entity_id))

    with pytest.raises(EntityNotFoundError):
        await api.loan_application.get(entity_id)


async def test_get_borrower(fake_api: FakeBusinessApi, api: BusinessApi) -> None:
    entity_id = uuid4()

    found = await api.borrower.get(entity_id)

    assert found.id == entity_id
    assert fake_api.paths() == [f"/api/v1/borrowers/{entity_id}"]


async def test_get_missing_borrower_is_not_found(
    fake_api: FakeBusinessApi,
    api: BusinessApi,
) -> None:
    entity_id = uuid4()
    fake_api.missing.add(str(entity_id))

    with pytest.raises(EntityNotFoundError):
        await api.borrower.get(entity_id)


async def test_update_borrower(fake_api: FakeBusinessApi, api: BusinessApi) -> None:
    entity_id = uuid4()
    change = BorrowerUpdate.model_validate(
        {"full_name": "updated"},
    )

    updated = await api.borrower.update(entity_id, change)

    assert updated.id == entity_id
    assert fake_api.requests[-1].method == "PATCH"
    assert b"full_name" in fake_api.requests[-1].content


async def test_create_credit_score_record(fake_api: FakeBusinessApi, api: BusinessApi) -> None:
    n = 1
    values = {
        "borrower_ref": f"00000000-0000-4000-8000-{n:012d}",
        "score": 300,
        "factors": {"key": f"value-{n}"},
    }

    created = await api.credit_score_record.create(CreditScoreRecordCreate.model_validate(values))

    assert created.id
    assert fake_api.requests[-1].method == "POST"
    assert fake_api.requests[-1].url.path == "/api/v1/credit-score-records"


async def test_get_repayment(fake_api: FakeBusinessApi, api: BusinessApi) -> None:
    entity_id = uuid4()

    found = await api.repayment.get(entity_id)

    assert found.id == entity_id
    assert fake_api.paths() == [f"/api/v1/repayments/{entity_id}"]


async def test_get_missing_repayment_is_not_found(
    fake_api: FakeBusinessApi,
    api: BusinessApi,
) -> None:
    entity_id = uuid4()
    fake_api.missing.add(str(entity_id))

    with pytest.raises(EntityNotFoundError):
        await api.repayment.get(entity_id)


async def test_find_repayments(fake_api: FakeBusinessApi, api: BusinessApi) -> None:
    page = await api.repayment.find(sort="-created_at", limit=5, offset=1)

    assert page.total == len(page.items) == 3
    request = fake_api.requests[-1]
    assert request.url.path == "/api/v1/repayments"
    assert request.url.params["sort"] == "-created_at"
    assert request.url.params["limit"] == "5"
    assert request.url.params["offset"] == "1"


async def test_update_repayment(fake_api: FakeBusinessApi, api: BusinessApi) -> None:
    entity_id = uuid4()
    change = RepaymentUpdate.model_validate(
        {"amount": "13.75"},
    )

    updated = await api.repayment.update(entity_id, change)

    assert updated.id == entity_id
    assert fake_api.requests[-1].method == "PATCH"
    assert b"amount" in fake_api.requests[-1].content
