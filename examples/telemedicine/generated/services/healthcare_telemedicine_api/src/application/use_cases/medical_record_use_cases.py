"""Use cases of the medical record entity: the business operations the API exposes."""

# Implements: FR-004
from uuid import UUID

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
from src.domain.rules import RuleContext, medical_record_rules
from src.infrastructure.http_clients.medical_record_client import (
    MedicalRecordClient,
)


class MedicalRecordUseCases:
    """Operations on medical records: every write passes the business rules of
    ``src/domain/rules/medical_record_rules.py`` first; storage is the data service's.
    """

    def __init__(self, client: MedicalRecordClient, rules: RuleContext) -> None:
        """``rules`` is what the business rules read."""
        self._client = client
        self._rules = rules

    async def list_medical_records(
        self,
        filters: MedicalRecordFilter,
        *,
        sort: str,
        limit: int,
        offset: int,
    ) -> Page[MedicalRecordPublic]:
        """One page of medical records equal to ``filters``, in ``sort`` order."""
        return await self._client.list_medical_records(
            filters,
            sort=sort,
            limit=limit,
            offset=offset,
        )

    async def get_medical_record(
        self,
        medical_record_id: UUID,
    ) -> MedicalRecordPublic:
        """One medical record; :class:`NotFoundError` when it does not exist."""
        return await self._client.get_medical_record(
            medical_record_id,
        )

    async def create_medical_record(
        self,
        payload: MedicalRecordCreate,
    ) -> MedicalRecordPublic:
        """Create one medical record once the rules accept it; :class:`ConflictError` on a duplicate or a missing parent,
        :class:`BusinessRuleViolationError` or :class:`ValidationFailedError` when a rule refuses it.
        """
        await medical_record_rules.check_create(payload, self._rules)
        return await self._client.create_medical_record(payload)

    async def update_medical_record(
        self,
        medical_record_id: UUID,
        payload: MedicalRecordUpdate,
    ) -> MedicalRecordPublic:
        """Change the fields of one medical record that ``payload`` sets, once the rules accept the change."""
        await medical_record_rules.check_update(
            medical_record_id,
            payload,
            self._rules,
        )
        return await self._client.update_medical_record(
            medical_record_id,
            payload,
        )

    async def delete_medical_record(
        self,
        medical_record_id: UUID,
    ) -> None:
        """Delete one medical record once the rules accept it; :class:`ConflictError` while other resources reference it."""
        await medical_record_rules.check_delete(
            medical_record_id,
            self._rules,
        )
        await self._client.delete_medical_record(
            medical_record_id,
        )

    async def list_medical_record_prescriptions(
        self,
        medical_record_id: UUID,
        *,
        limit: int,
        offset: int,
    ) -> Page[PrescriptionPublic]:
        """One page of the prescriptions of one medical record."""
        return await self._client.list_medical_record_prescriptions(
            medical_record_id,
            limit=limit,
            offset=offset,
        )
