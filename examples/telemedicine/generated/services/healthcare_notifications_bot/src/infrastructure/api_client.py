"""Typed client of the business API: the only way the bot reads or writes data."""

import logging
from typing import Any, TypeVar
from uuid import UUID

import httpx
from pydantic import BaseModel

from shared.contracts.pagination import Page
from shared.contracts.doctor import (
    DoctorPublic,
)
from shared.contracts.availability_slot import (
    AvailabilitySlotPublic,
)
from shared.contracts.appointment import (
    AppointmentPublic,
)
from shared.contracts.patient import (
    PatientCreate,
    PatientPublic,
)
from shared.utils.request_id import REQUEST_ID_HEADER, get_request_id
from src.core.config import SERVICE_NAME, Settings

logger = logging.getLogger(__name__)

API_PREFIX = "/api/v1"

ItemId = UUID
"""Identifier of an item of the business API."""

ItemT = TypeVar("ItemT", bound=BaseModel)


class ApiError(Exception):
    """The business API refused a request or could not be reached; ``detail`` can be shown to a user."""

    def __init__(self, detail: str, status: int | None = None) -> None:
        super().__init__(detail)
        self.detail = detail
        self.status = status


class ApiNotFoundError(ApiError):
    """The requested item does not exist (404)."""


class ApiRejectedError(ApiError):
    """The API rejected the data sent (409 or 422)."""


class ApiUnavailableError(ApiError):
    """The API cannot be reached, or answered with a server error."""


def _problem_detail(response: httpx.Response) -> str | None:
    try:
        body = response.json()
    except ValueError:
        return None
    detail = body.get("detail") if isinstance(body, dict) else None
    return detail if isinstance(detail, str) else None


def error_for(response: httpx.Response) -> ApiError:
    """The error matching a non-2xx answer; keeps the problem ``detail`` of client errors only."""
    status = response.status_code
    detail = _problem_detail(response)
    if status == 404:
        return ApiNotFoundError(detail or "Not found.", status)
    if status in (409, 422):
        return ApiRejectedError(detail or "The data was rejected.", status)
    if status >= 500:
        return ApiUnavailableError(f"The business API answered with status {status}.", status)
    return ApiError(f"The business API answered with status {status}.", status)


def build_http_client(settings: Settings) -> httpx.AsyncClient:
    """The process-wide pooled client of the business API."""
    timeout = settings.http_timeout_seconds
    return httpx.AsyncClient(
        base_url=settings.api_url,
        timeout=httpx.Timeout(timeout, connect=min(timeout, 1.0)),
        limits=httpx.Limits(max_connections=100, max_keepalive_connections=20),
        headers={"User-Agent": SERVICE_NAME},
    )


class BusinessApiClient:
    """Calls ``/api/v1`` of the business API through one ``httpx.AsyncClient``."""

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
        """Send a request; a non-2xx answer or a transport failure raises an :class:`ApiError`."""
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
            logger.warning("api_unreachable", extra={"url": url, "error": repr(error)})
            raise ApiUnavailableError("The business API cannot be reached.") from error
        if response.is_success:
            return response
        raise error_for(response)

    async def list_page(
        self,
        collection: str,
        page_type: type[Page[ItemT]],
        *,
        limit: int,
        offset: int = 0,
    ) -> Page[ItemT]:
        """One page of a collection (its URL segment), newest first."""
        params = {"limit": limit, "offset": offset, "sort": "-created_at"}
        response = await self.request("GET", f"{API_PREFIX}/{collection}", params=params)
        return page_type.model_validate(response.json())

    async def list_doctor_page(
        self,
        *,
        limit: int,
        offset: int = 0,
    ) -> Page[DoctorPublic]:
        """One page of doctors, newest first."""
        return await self.list_page(
            "doctors",
            Page[DoctorPublic],
            limit=limit,
            offset=offset,
        )

    async def list_availability_slot_page(
        self,
        *,
        limit: int,
        offset: int = 0,
    ) -> Page[AvailabilitySlotPublic]:
        """One page of availability slots, newest first."""
        return await self.list_page(
            "availability-slots",
            Page[AvailabilitySlotPublic],
            limit=limit,
            offset=offset,
        )

    async def get_appointment(
        self,
        item_id: ItemId,
    ) -> AppointmentPublic:
        """One appointment; :class:`ApiNotFoundError` when it does not exist."""
        response = await self.request("GET", f"{API_PREFIX}/appointments/{item_id}")
        return AppointmentPublic.model_validate(response.json())

    async def create_patient(
        self,
        payload: PatientCreate,
    ) -> PatientPublic:
        """Create one patient; :class:`ApiRejectedError` when the API refuses the data."""
        body = payload.model_dump(mode="json", exclude_unset=True)
        response = await self.request("POST", f"{API_PREFIX}/patients", json=body)
        return PatientPublic.model_validate(response.json())
