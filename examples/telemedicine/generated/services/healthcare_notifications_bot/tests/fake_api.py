"""A fake business API behind ``httpx.MockTransport``: the ``/api/v1`` endpoints the bot calls, in memory."""

import json
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any
from uuid import uuid4

import httpx
from pydantic import BaseModel, ValidationError

from shared.contracts.doctor import (
    DoctorCreate,
    DoctorPublic,
)
from shared.contracts.availability_slot import (
    AvailabilitySlotCreate,
    AvailabilitySlotPublic,
)
from shared.contracts.appointment import (
    AppointmentCreate,
    AppointmentPublic,
)
from shared.contracts.patient import (
    PatientCreate,
    PatientPublic,
)
from shared.utils.problems import PROBLEM_JSON_MEDIA_TYPE, build_problem

API_BASE_URL = "http://business-api"

CONTRACTS: dict[str, tuple[type[BaseModel], type[BaseModel]]] = {
    "doctors": (
        DoctorCreate,
        DoctorPublic,
    ),
    "availability-slots": (
        AvailabilitySlotCreate,
        AvailabilitySlotPublic,
    ),
    "appointments": (
        AppointmentCreate,
        AppointmentPublic,
    ),
    "patients": (
        PatientCreate,
        PatientPublic,
    ),
}
"""Create and public contract of every collection, by URL segment."""


def doctor_values(n: int) -> dict[str, Any]:
    """Valid field values of one doctor, unique by ``n`` where needed."""
    return {
        "full_name": "full name",
        "specialty": "specialty",
        "license_number": f"license_number-{n}",
        "is_active": True,
    }


def availability_slot_values(n: int) -> dict[str, Any]:
    """Valid field values of one availability slot, unique by ``n`` where needed."""
    return {
        "starts_at": "2030-01-02T10:00:00+00:00",
        "ends_at": "2030-01-02T10:00:00+00:00",
        "is_booked": True,
        "doctor_id": str(uuid4()),
    }


def appointment_values(n: int) -> dict[str, Any]:
    """Valid field values of one appointment, unique by ``n`` where needed."""
    return {
        "starts_at": "2030-01-02T10:00:00+00:00",
        "duration_minutes": 10,
        "reason": "reason",
        "status": "booked",
        "video_room": "video room",
        "patient_id": str(uuid4()),
        "doctor_id": str(uuid4()),
    }


def patient_values(n: int) -> dict[str, Any]:
    """Valid field values of one patient, unique by ``n`` where needed."""
    return {
        "full_name": "full name",
        "email": f"user{n}@example.com",
        "phone": "phone",
        "birth_date": "2030-01-02",
        "telegram_chat_id": "telegram chat id",
    }


def problem(status: int, detail: str) -> httpx.Response:
    """An RFC 9457 problem response."""
    body = build_problem(status, detail).to_body()
    return httpx.Response(status, content=json.dumps(body), headers={"content-type": PROBLEM_JSON_MEDIA_TYPE})


class FakeBusinessApi:
    """Keeps items per collection; ``reject_with`` makes the next write fail with that status."""

    def __init__(self) -> None:
        self.items: dict[str, dict[str, dict[str, Any]]] = {collection: {} for collection in CONTRACTS}
        self.requests: list[httpx.Request] = []
        self.reject_with: int | None = None

    def add(self, collection: str, values: dict[str, Any]) -> dict[str, Any]:
        """Store an item as if it had been created; return its public JSON."""
        _, public = CONTRACTS[collection]
        now = datetime.now(UTC).isoformat()
        item = public.model_validate({**values, "id": str(uuid4()), "created_at": now, "updated_at": now})
        stored: dict[str, Any] = item.model_dump(mode="json")
        self.items[collection][stored["id"]] = stored
        return stored

    def handle(self, request: httpx.Request) -> httpx.Response:
        """Answer one request the way the business API does."""
        self.requests.append(request)
        parts = request.url.path.removeprefix("/api/v1/").split("/")
        collection = parts[0]
        if collection not in self.items:
            return problem(404, "Unknown path.")
        if request.method == "POST" and len(parts) == 1:
            return self._create(collection, request)
        if request.method == "GET" and len(parts) == 1:
            return self._list(collection, request)
        if request.method == "GET" and len(parts) == 2:
            item = self.items[collection].get(parts[1])
            return httpx.Response(200, json=item) if item is not None else problem(404, "Not found.")
        return problem(405, "Method not allowed.")

    def _list(self, collection: str, request: httpx.Request) -> httpx.Response:
        limit = int(request.url.params.get("limit", "20"))
        offset = int(request.url.params.get("offset", "0"))
        items = list(self.items[collection].values())
        page = items[offset : offset + limit]
        return httpx.Response(200, json={"items": page, "total": len(items), "limit": limit, "offset": offset})

    def _create(self, collection: str, request: httpx.Request) -> httpx.Response:
        if self.reject_with is not None:
            status, self.reject_with = self.reject_with, None
            return problem(status, "Rejected by the fake API.")
        create, _ = CONTRACTS[collection]
        try:
            payload = create.model_validate_json(request.content)
        except ValidationError as error:
            return problem(422, str(error))
        return httpx.Response(201, json=self.add(collection, payload.model_dump(mode="json")))


def transport_of(handler: Callable[[httpx.Request], httpx.Response]) -> httpx.MockTransport:
    """A transport answering every request with ``handler``."""
    return httpx.MockTransport(handler)
