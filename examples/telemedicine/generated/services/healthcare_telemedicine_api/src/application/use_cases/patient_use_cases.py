"""Use cases of the patient entity: the business operations the API exposes."""

# Implements: FR-001
from uuid import UUID

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
from src.domain.rules import RuleContext, patient_rules
from src.infrastructure.http_clients.patient_client import (
    PatientClient,
)


class PatientUseCases:
    """Operations on patients: every write passes the business rules of
    ``src/domain/rules/patient_rules.py`` first; storage is the data service's.
    """

    def __init__(self, client: PatientClient, rules: RuleContext) -> None:
        """``rules`` is what the business rules read."""
        self._client = client
        self._rules = rules

    async def list_patients(
        self,
        filters: PatientFilter,
        *,
        sort: str,
        limit: int,
        offset: int,
    ) -> Page[PatientPublic]:
        """One page of patients equal to ``filters``, in ``sort`` order."""
        return await self._client.list_patients(
            filters,
            sort=sort,
            limit=limit,
            offset=offset,
        )

    async def get_patient(
        self,
        patient_id: UUID,
    ) -> PatientPublic:
        """One patient; :class:`NotFoundError` when it does not exist."""
        return await self._client.get_patient(
            patient_id,
        )

    async def create_patient(
        self,
        payload: PatientCreate,
    ) -> PatientPublic:
        """Create one patient once the rules accept it; :class:`ConflictError` on a duplicate or a missing parent,
        :class:`BusinessRuleViolationError` or :class:`ValidationFailedError` when a rule refuses it.
        """
        await patient_rules.check_create(payload, self._rules)
        return await self._client.create_patient(payload)

    async def update_patient(
        self,
        patient_id: UUID,
        payload: PatientUpdate,
    ) -> PatientPublic:
        """Change the fields of one patient that ``payload`` sets, once the rules accept the change."""
        await patient_rules.check_update(
            patient_id,
            payload,
            self._rules,
        )
        return await self._client.update_patient(
            patient_id,
            payload,
        )

    async def delete_patient(
        self,
        patient_id: UUID,
    ) -> None:
        """Delete one patient once the rules accept it; :class:`ConflictError` while other resources reference it."""
        await patient_rules.check_delete(
            patient_id,
            self._rules,
        )
        await self._client.delete_patient(
            patient_id,
        )

    async def list_patient_appointments(
        self,
        patient_id: UUID,
        *,
        limit: int,
        offset: int,
    ) -> Page[AppointmentPublic]:
        """One page of the appointments of one patient."""
        return await self._client.list_patient_appointments(
            patient_id,
            limit=limit,
            offset=offset,
        )

    async def list_patient_medical_records(
        self,
        patient_id: UUID,
        *,
        limit: int,
        offset: int,
    ) -> Page[MedicalRecordPublic]:
        """One page of the medical_records of one patient."""
        return await self._client.list_patient_medical_records(
            patient_id,
            limit=limit,
            offset=offset,
        )
