"""Business rules of the appointment entity, checked by the use cases before every write.

This module is yours: amgen writes it once and never overwrites it; its tests are
``tests/unit/rules/test_appointment_rules.py``, yours too. ``check_create`` runs before one appointment is
created, ``check_update`` before one is changed and ``check_delete`` before one is deleted; each runs the rules listed
in ``CREATE_RULES``, ``UPDATE_RULES`` or ``DELETE_RULES`` in order. A rule is an async function taking the same
arguments as its check. It reads through ``context``, writes nothing, and refuses the change by raising
``BusinessRuleViolationError`` (409: the stored data forbids it) or ``ValidationFailedError`` (422: the values can
never be accepted), both from ``src.domain.errors``.

Policy (FR-003): a doctor is never booked twice for overlapping times. An appointment occupies the doctor from
``starts_at`` for ``duration_minutes``; only booked appointments occupy (cancelled, completed and missed ones free
the time). A change that moves, lengthens or reassigns a booked appointment is checked the same way, ignoring the
appointment itself.
"""

# Implements: FR-003
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import datetime, timedelta
from uuid import UUID

from shared.contracts.appointment import (
    AppointmentCreate,
    AppointmentFilter,
    AppointmentPublic,
    AppointmentStatus,
    AppointmentUpdate,
)
from shared.contracts.pagination import MAX_PAGE_LIMIT
from src.domain.errors import BusinessRuleViolationError
from src.domain.rules import RuleContext

CreateRule = Callable[[AppointmentCreate, RuleContext], Awaitable[None]]
"""A rule checked before one appointment is created: the values to store and the context."""
UpdateRule = Callable[[UUID, AppointmentUpdate, RuleContext], Awaitable[None]]
"""A rule checked before one appointment is changed: its id, the fields to change and the context."""
DeleteRule = Callable[[UUID, RuleContext], Awaitable[None]]
"""A rule checked before one appointment is deleted: its id and the context."""


def _ends_at(starts_at: datetime, duration_minutes: int) -> datetime:
    return starts_at + timedelta(minutes=duration_minutes)


async def _booked_appointments_of(doctor_id: UUID, context: RuleContext) -> AsyncIterator[AppointmentPublic]:
    """Every booked appointment of the doctor, page by page."""
    filters = AppointmentFilter(doctor_id=doctor_id, status=AppointmentStatus.BOOKED)
    offset = 0
    while True:
        page = await context.appointment.list_appointments(
            filters, sort="starts_at", limit=MAX_PAGE_LIMIT, offset=offset
        )
        for appointment in page.items:
            yield appointment
        if not page.has_next:
            return
        offset += len(page.items)


async def _refuse_overlap(
    doctor_id: UUID,
    starts_at: datetime,
    duration_minutes: int,
    context: RuleContext,
    ignore_id: UUID | None = None,
) -> None:
    ends_at = _ends_at(starts_at, duration_minutes)
    async for other in _booked_appointments_of(doctor_id, context):
        if other.id == ignore_id:
            continue
        if other.starts_at < ends_at and starts_at < _ends_at(other.starts_at, other.duration_minutes):
            raise BusinessRuleViolationError(
                f"The doctor is already booked from {other.starts_at.isoformat()} for "
                f"{other.duration_minutes} minutes (appointment {other.id})."
            )


async def doctor_is_free(data: AppointmentCreate, context: RuleContext) -> None:
    """A new booked appointment must not overlap another booked appointment of the same doctor."""
    if data.status is not AppointmentStatus.BOOKED:
        return
    await _refuse_overlap(data.doctor_id, data.starts_at, data.duration_minutes, context)


async def doctor_stays_free(appointment_id: UUID, data: AppointmentUpdate, context: RuleContext) -> None:
    """A change that keeps or makes the appointment booked must not make it overlap another one of the doctor."""
    changes_time_or_doctor = (
        data.starts_at is not None or data.duration_minutes is not None or data.doctor_id is not None
    )
    if not changes_time_or_doctor and data.status is not AppointmentStatus.BOOKED:
        return
    stored = await context.appointment.get_appointment(appointment_id)
    status = data.status if data.status is not None else stored.status
    if status is not AppointmentStatus.BOOKED:
        return
    await _refuse_overlap(
        data.doctor_id if data.doctor_id is not None else stored.doctor_id,
        data.starts_at if data.starts_at is not None else stored.starts_at,
        data.duration_minutes if data.duration_minutes is not None else stored.duration_minutes,
        context,
        ignore_id=appointment_id,
    )


CREATE_RULES: tuple[CreateRule, ...] = (doctor_is_free,)
"""The rules of a new appointment, in the order they run."""
UPDATE_RULES: tuple[UpdateRule, ...] = (doctor_stays_free,)
"""The rules of a change to one appointment, in the order they run."""
DELETE_RULES: tuple[DeleteRule, ...] = ()
"""The rules of the deletion of one appointment: none (deleting frees the doctor's time)."""


async def check_create(data: AppointmentCreate, context: RuleContext) -> None:
    """Accept the new appointment ``data`` or raise: every rule of ``CREATE_RULES``, in order."""
    for rule in CREATE_RULES:
        await rule(data, context)


async def check_update(
    appointment_id: UUID,
    data: AppointmentUpdate,
    context: RuleContext,
) -> None:
    """Accept the change ``data`` (the fields it sets) to one appointment or raise: every rule of ``UPDATE_RULES``."""
    for rule in UPDATE_RULES:
        await rule(appointment_id, data, context)


async def check_delete(appointment_id: UUID, context: RuleContext) -> None:
    """Accept the deletion of one appointment or raise: every rule of ``DELETE_RULES``, in order."""
    for rule in DELETE_RULES:
        await rule(appointment_id, context)
