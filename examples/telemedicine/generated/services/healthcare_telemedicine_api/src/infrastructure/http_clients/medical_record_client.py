"""Typed client of the medical records of healthcare_telemedicine_data_postgres."""

# Implements: FR-004
from uuid import UUID

import httpx

from shared.contracts.prescription import (
    PrescriptionPublic,
)
from shared.contracts.pagination import Page
from shared.contracts.medical_record import (
    MedicalRecordCreate,
    MedicalRecordFilter,
    MedicalRecordPublic,
    MedicalRecordUpdate,
)
from src.infrastructure.http_clients.base_client import DataServiceClient

DATA_SERVICE_NAME = "healthcare_telemedicine_data_postgres"
URL = "/api/v1/medical-records"


class MedicalRecordClient:
    """``/api/v1/medical-records`` of healthcare_telemedicine_data_postgres."""

    def __init__(self, http_client: httpx.AsyncClient) -> None:
        self._service = DataServiceClient(http_client, DATA_SERVICE_NAME)

    async def list_medical_records(
        self,
        filters: MedicalRecordFilter,
        *,
        sort: str,
        limit: int,
        offset: int,
    ) -> Page[MedicalRecordPublic]:
        """One page of medical records equal to ``filters``."""
        params = {
            **filters.model_dump(mode="json", exclude_none=True),
            "sort": sort,
            "limit": limit,
            "offset": offset,
        }
        response = await self._service.request("GET", URL, params=params)
        return Page[MedicalRecordPublic].model_validate(response.json())

    async def get_medical_record(
        self,
        medical_record_id: UUID,
    ) -> MedicalRecordPublic:
        """One medical record."""
        response = await self._service.request("GET", f"{URL}/{medical_record_id}")
        return MedicalRecordPublic.model_validate(response.json())

    async def create_medical_record(
        self,
        payload: MedicalRecordCreate,
    ) -> MedicalRecordPublic:
        """Create one medical record."""
        response = await self._service.request("POST", URL, json=payload.model_dump(mode="json"))
        return MedicalRecordPublic.model_validate(response.json())

    async def update_medical_record(
        self,
        medical_record_id: UUID,
        payload: MedicalRecordUpdate,
    ) -> MedicalRecordPublic:
        """Change the fields of one medical record that ``payload`` sets."""
        body = payload.model_dump(mode="json", exclude_unset=True)
        response = await self._service.request(
            "PATCH",
            f"{URL}/{medical_record_id}",
            json=body,
        )
        return MedicalRecordPublic.model_validate(response.json())

    async def delete_medical_record(
        self,
        medical_record_id: UUID,
    ) -> None:
        """Delete one medical record."""
        await self._service.request("DELETE", f"{URL}/{medical_record_id}")

    async def list_medical_record_prescriptions(
        self,
        medical_record_id: UUID,
        *,
        limit: int,
        offset: int,
    ) -> Page[PrescriptionPublic]:
        """One page of the prescriptions of one medical record."""
        url = f"{URL}/{medical_record_id}/prescriptions"
        response = await self._service.request("GET", url, params={"limit": limit, "offset": offset})
        return Page[PrescriptionPublic].model_validate(response.json())
