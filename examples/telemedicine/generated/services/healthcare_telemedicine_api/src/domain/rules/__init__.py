"""Business rules, one module per entity (``<entity>_rules.py``), and what they may read.

The use cases call a rule module's ``check_create``, ``check_update`` and ``check_delete`` before every write, so a
refused change never reaches a data service. The rule modules and their tests (``tests/unit/rules``) are yours:
amgen writes them once and never overwrites them. This package file is amgen's.

A rule refuses a change by raising :class:`~src.domain.errors.BusinessRuleViolationError` (409) when the stored data
forbids it and :class:`~src.domain.errors.ValidationFailedError` (422) when the values can never be accepted.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Self

import httpx

from src.infrastructure.http_clients.patient_client import (
    PatientClient,
)
from src.infrastructure.http_clients.doctor_client import (
    DoctorClient,
)
from src.infrastructure.http_clients.availability_slot_client import (
    AvailabilitySlotClient,
)
from src.infrastructure.http_clients.appointment_client import (
    AppointmentClient,
)
from src.infrastructure.http_clients.medical_record_client import (
    MedicalRecordClient,
)
from src.infrastructure.http_clients.prescription_client import (
    PrescriptionClient,
)
from src.infrastructure.http_clients.reminder_client import (
    ReminderClient,
)


@dataclass(frozen=True)
class RuleContext:
    """What a rule may read: the typed client of every entity, bound to the data service that stores it.

    Rules read through it (``get_<entity>``, ``list_<entities>`` with a filter) and never write: the use case writes
    once every rule has accepted the change.
    """

    patient: PatientClient
    doctor: DoctorClient
    availability_slot: AvailabilitySlotClient
    appointment: AppointmentClient
    medical_record: MedicalRecordClient
    prescription: PrescriptionClient
    reminder: ReminderClient

    @classmethod
    def from_http_clients(cls, http_clients: Mapping[str, httpx.AsyncClient]) -> Self:
        """The context over the process-wide clients of the data services, by service name."""
        return cls(
            patient=PatientClient(
                http_clients["healthcare_telemedicine_data_postgres"],
            ),
            doctor=DoctorClient(
                http_clients["healthcare_telemedicine_data_postgres"],
            ),
            availability_slot=AvailabilitySlotClient(
                http_clients["healthcare_telemedicine_data_postgres"],
            ),
            appointment=AppointmentClient(
                http_clients["healthcare_telemedicine_data_postgres"],
            ),
            medical_record=MedicalRecordClient(
                http_clients["healthcare_telemedicine_data_postgres"],
            ),
            prescription=PrescriptionClient(
                http_clients["healthcare_telemedicine_data_postgres"],
            ),
            reminder=ReminderClient(
                http_clients["healthcare_telemedicine_data_postgres"],
            ),
        )
