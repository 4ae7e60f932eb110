"""Calls to a data service: HTTP failures become domain errors, the request id travels along."""

import logging
from typing import Any

import httpx

from shared.utils.request_id import REQUEST_ID_HEADER, get_request_id
from src.domain.errors import (
    ConflictError,
    DataServiceError,
    DataServiceUnavailableError,
    DomainError,
    NotFoundError,
    ValidationFailedError,
)

logger = logging.getLogger(__name__)

_ERROR_BY_STATUS: dict[int, type[DomainError]] = {
    404: NotFoundError,
    409: ConflictError,
    422: ValidationFailedError,
    503: DataServiceUnavailableError,
}


def error_for(response: httpx.Response, service_name: str) -> DomainError:
    """Domain error for an error response; keeps the problem ``detail`` and ``errors`` of the data service."""
    try:
        body = response.json()
    except ValueError:
        body = None
    problem = body if isinstance(body, dict) else {}
    detail = problem.get("detail")
    errors = problem.get("errors")
    error_type = _ERROR_BY_STATUS.get(response.status_code)
    if error_type is None:
        return DataServiceError(f"{service_name} answered with status {response.status_code}.")
    message = detail if isinstance(detail, str) else f"{service_name} answered with status {response.status_code}."
    return error_type(message, errors if isinstance(errors, list) else None)


class DataServiceClient:
    """Sends requests to one data service through the process-wide ``httpx.AsyncClient``."""

    def __init__(self, http_client: httpx.AsyncClient, service_name: str) -> None:
        self._http_client = http_client
        self.service_name = service_name

    async def request(
        self,
        method: str,
        url: str,
        *,
        params: dict[str, Any] | None = None,
        json: Any = None,
    ) -> httpx.Response:
        """Send a request; a non-2xx answer or a transport failure raises a :class:`DomainError`."""
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
            logger.warning("data_service_unreachable", extra={"service": self.service_name, "error": repr(error)})
            raise DataServiceUnavailableError(f"{self.service_name} cannot be reached.") from error
        if response.is_success:
            return response
        raise error_for(response, self.service_name)
