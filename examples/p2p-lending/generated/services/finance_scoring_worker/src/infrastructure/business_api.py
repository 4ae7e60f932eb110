"""Typed client of the business API (FINANCE_LENDING_API_URL): the worker reaches data only through it.

HTTP failures become worker errors: unreachable, 5xx, 408 and 429 are :class:`ApiUnavailableError` (retried),
404 is :class:`EntityNotFoundError` and any other 4xx :class:`ApiRejectedError` (dead-lettered).
"""

import logging
from typing import Any, TypeVar
from uuid import UUID

import httpx
from pydantic import BaseModel

from shared.contracts.pagination import Page
from shared.contracts.loan_application import (
    LoanApplicationPublic,
)
from shared.contracts.borrower import (
    BorrowerPublic,
    BorrowerUpdate,
)
from shared.contracts.credit_score_record import (
    CreditScoreRecordCreate,
    CreditScoreRecordPublic,
)
from shared.contracts.repayment import (
    RepaymentFilter,
    RepaymentPublic,
    RepaymentUpdate,
)
from shared.security.api_keys import API_KEY_HEADER
from shared.utils.request_id import REQUEST_ID_HEADER, get_request_id
from src.core.config import SERVICE_NAME
from src.domain.errors import ApiRejectedError, ApiUnavailableError, EntityNotFoundError

logger = logging.getLogger(__name__)

API_PREFIX = "/api/v1"
_RETRYABLE_STATUSES = frozenset({408, 429})

ModelT = TypeVar("ModelT", bound=BaseModel)


def entity_url(collection: str, entity_id: UUID | None = None) -> str:
    """URL of a collection of the business API, or of one of its entities."""
    return f"{API_PREFIX}/{collection}" if entity_id is None else f"{API_PREFIX}/{collection}/{entity_id}"


def open_http_client(base_url: str, timeout_seconds: float, api_key: str = "") -> httpx.AsyncClient:
    """The one HTTP client of the process, sending ``api_key`` as ``X-API-Key`` when set; the caller closes it."""
    return httpx.AsyncClient(
        base_url=base_url,
        timeout=httpx.Timeout(timeout_seconds, connect=min(timeout_seconds, 1.0)),
        limits=httpx.Limits(max_connections=100, max_keepalive_connections=20),
        headers={"User-Agent": SERVICE_NAME, **({API_KEY_HEADER: api_key} if api_key else {})},
    )


class BusinessApiClient:
    """Sends requests to the business API through the process-wide ``httpx.AsyncClient``."""

    def __init__(self, http_client: httpx.AsyncClient) -> None:
        self._http_client = http_client

    async def request(
        self,
        method: str,
        url: str,
        *,
        params: dict[str, Any] | None = None,
        json: Any = None,
    ) -> httpx.Response:
        """Send a request; a non-2xx answer or a transport failure raises a worker error."""
        request_id = get_request_id()
        headers = {REQUEST_ID_HEADER: request_id} if request_id else {}
        try:
            response = await self._http_client.request(
                method,
                url,
                params=params,
                json=json,
                headers=headers,
            )
        except httpx.TransportError as error:
            logger.warning("business_api_unreachable", extra={"url": url, "error": repr(error)})
            raise ApiUnavailableError(f"The business API cannot be reached ({method} {url}).") from error
        if response.is_success:
            return response
        detail = f"The business API answered {response.status_code} to {method} {url}."
        if response.status_code >= 500 or response.status_code in _RETRYABLE_STATUSES:
            raise ApiUnavailableError(detail)
        if response.status_code == 404:
            raise EntityNotFoundError(detail)
        raise ApiRejectedError(detail)

    async def read(self, model: type[ModelT], method: str, url: str, **kwargs: Any) -> ModelT:
        """Send a request and parse the answer as ``model``."""
        response = await self.request(method, url, **kwargs)
        return model.model_validate(response.json())

    async def read_page(self, item: type[ModelT], url: str, params: dict[str, Any]) -> Page[ModelT]:
        """One page of a list endpoint."""
        response = await self.request("GET", url, params=params)
        return Page[item].model_validate(response.json())  # type: ignore[valid-type]


class LoanApplicationApi:
    """Calls on loan applications, limited to the actions the jobs of this worker declare."""

    def __init__(self, client: BusinessApiClient) -> None:
        self._client = client

    async def get(
        self,
        loan_application_id: UUID,
    ) -> LoanApplicationPublic:
        """One loan application; :class:`EntityNotFoundError` when it does not exist."""
        return await self._client.read(
            LoanApplicationPublic,
            "GET",
            entity_url("loan-applications", loan_application_id),
        )


class BorrowerApi:
    """Calls on borrowers, limited to the actions the jobs of this worker declare."""

    def __init__(self, client: BusinessApiClient) -> None:
        self._client = client

    async def get(
        self,
        borrower_id: UUID,
    ) -> BorrowerPublic:
        """One borrower; :class:`EntityNotFoundError` when it does not exist."""
        return await self._client.read(
            BorrowerPublic,
            "GET",
            entity_url("borrowers", borrower_id),
        )

    async def update(
        self,
        borrower_id: UUID,
        payload: BorrowerUpdate,
    ) -> BorrowerPublic:
        """Change the fields of one borrower that ``payload`` sets."""
        return await self._client.read(
            BorrowerPublic,
            "PATCH",
            entity_url("borrowers", borrower_id),
            json=payload.model_dump(mode="json", exclude_unset=True),
        )


class CreditScoreRecordApi:
    """Calls on credit score records, limited to the actions the jobs of this worker declare."""

    def __init__(self, client: BusinessApiClient) -> None:
        self._client = client

    async def create(self, payload: CreditScoreRecordCreate) -> CreditScoreRecordPublic:
        """Create one credit score record."""
        return await self._client.read(
            CreditScoreRecordPublic,
            "POST",
            entity_url("credit-score-records"),
            json=payload.model_dump(mode="json", exclude_unset=True),
        )


class RepaymentApi:
    """Calls on repayments, limited to the actions the jobs of this worker declare."""

    def __init__(self, client: BusinessApiClient) -> None:
        self._client = client

    async def get(
        self,
        repayment_id: UUID,
    ) -> RepaymentPublic:
        """One repayment; :class:`EntityNotFoundError` when it does not exist."""
        return await self._client.read(
            RepaymentPublic,
            "GET",
            entity_url("repayments", repayment_id),
        )

    async def find(
        self,
        filters: RepaymentFilter | None = None,
        *,
        sort: str = "created_at",
        limit: int = 20,
        offset: int = 0,
    ) -> Page[RepaymentPublic]:
        """One page of repayments equal to ``filters``, in ``sort`` order."""
        params: dict[str, Any] = filters.model_dump(mode="json", exclude_none=True) if filters else {}
        params.update(sort=sort, limit=limit, offset=offset)
        return await self._client.read_page(
            RepaymentPublic,
            entity_url("repayments"),
            params,
        )

    async def update(
        self,
        repayment_id: UUID,
        payload: RepaymentUpdate,
    ) -> RepaymentPublic:
        """Change the fields of one repayment that ``payload`` sets."""
        return await self._client.read(
            RepaymentPublic,
            "PATCH",
            entity_url("repayments", repayment_id),
            json=payload.model_dump(mode="json", exclude_unset=True),
        )


class BusinessApi:
    """Every entity this worker calls, each with exactly the actions its jobs declare.

    ``client`` is the client they all send through; a rule uses the entity APIs, which are the calls its job declares.
    """

    def __init__(self, http_client: httpx.AsyncClient) -> None:
        client = BusinessApiClient(http_client)
        self.client = client
        self.loan_application = LoanApplicationApi(client)
        self.borrower = BorrowerApi(client)
        self.credit_score_record = CreditScoreRecordApi(client)
        self.repayment = RepaymentApi(client)
