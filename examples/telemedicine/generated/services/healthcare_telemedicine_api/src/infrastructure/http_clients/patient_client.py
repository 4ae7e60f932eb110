"""Typed client of the patients of healthcare_telemedicine_data_postgres."""

# Implements: FR-001
from uuid import UUID

import httpx

from shared.contracts.appointment import (
    AppointmentPublic,
)
from shared.contracts.medical_record import (
    MedicalRecordPublic,
)
from shared.contracts.pagination import Page
from shared.contracts.patient import (
    PatientCreate,
    PatientFilter,
    PatientPublic,
    PatientUpdate,
)
from src.infrastructure.http_clients.base_client import DataServiceClient

DATA_SERVICE_NAME = "healthcare_telemedicine_data_postgres"
URL = "/api/v1/patients"


class PatientClient:
    """``/api/v1/patients`` of healthcare_telemedicine_data_postgres."""

    def __init__(self, http_client: httpx.AsyncClient) -> None:
        self._service = DataServiceClient(http_client, DATA_SERVICE_NAME)

    async def list_patients(
        self,
        filters: PatientFilter,
        *,
        sort: str,
        limit: int,
        offset: int,
    ) -> Page[PatientPublic]:
        """One page of patients equal to ``filters``."""
        params = {
            **filters.model_dump(mode="json", exclude_none=True),
            "sort": sort,
            "limit": limit,
            "offset": offset,
        }
        response = await self._service.request("GET", URL, params=params)
        return Page[PatientPublic].model_validate(response.json())

    async def get_patient(
        self,
        patient_id: UUID,
    ) -> PatientPublic:
        """One patient."""
        response = await self._service.request("GET", f"{URL}/{patient_id}")
        return PatientPublic.model_validate(response.json())

    async def create_patient(
        self,
        payload: PatientCreate,
    ) -> PatientPublic:
        """Create one patient."""
        response = await self._service.request("POST", URL, json=payload.model_dump(mode="json"))
        return PatientPublic.model_validate(response.json())

    async def update_patient(
        self,
        patient_id: UUID,
        payload: PatientUpdate,
    ) -> PatientPublic:
        """Change the fields of one patient that ``payload`` sets."""
        body = payload.model_dump(mode="json", exclude_unset=True)
        response = await self._service.request(
            "PATCH",
            f"{URL}/{patient_id}",
            json=body,
        )
        return PatientPublic.model_validate(response.json())

    async def delete_patient(
        self,
        patient_id: UUID,
    ) -> None:
        """Delete one patient."""
        await self._service.request("DELETE", f"{URL}/{patient_id}")

    async def list_patient_appointments(
        self,
        patient_id: UUID,
        *,
        limit: int,
        offset: int,
    ) -> Page[AppointmentPublic]:
        """One page of the appointments of one patient."""
        url = f"{URL}/{patient_id}/appointments"
        response = await self._service.request("GET", url, params={"limit": limit, "offset": offset})
        return Page[AppointmentPublic].model_validate(response.json())

    async def list_patient_medical_records(
        self,
        patient_id: UUID,
        *,
        limit: int,
        offset: int,
    ) -> Page[MedicalRecordPublic]:
        """One page of the medical_records of one patient."""
        url = f"{URL}/{patient_id}/medical-records"
        response = await self._service.request("GET", url, params={"limit": limit, "offset": offset})
        return Page[MedicalRecordPublic].model_validate(response.json())
