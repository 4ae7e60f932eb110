"""Use cases of the prescription entity: the business operations the API exposes."""

# Implements: FR-005
from uuid import UUID

from shared.contracts.pagination import Page
from shared.contracts.prescription import (
    PrescriptionCreate,
    PrescriptionFilter,
    PrescriptionPublic,
    PrescriptionUpdate,
)
from src.domain.rules import RuleContext, prescription_rules
from src.infrastructure.http_clients.prescription_client import (
    PrescriptionClient,
)


class PrescriptionUseCases:
    """Operations on prescriptions: every write passes the business rules of
    ``src/domain/rules/prescription_rules.py`` first; storage is the data service's.
    """

    def __init__(self, client: PrescriptionClient, rules: RuleContext) -> None:
        """``rules`` is what the business rules read."""
        self._client = client
        self._rules = rules

    async def list_prescriptions(
        self,
        filters: PrescriptionFilter,
        *,
        sort: str,
        limit: int,
        offset: int,
    ) -> Page[PrescriptionPublic]:
        """One page of prescriptions equal to ``filters``, in ``sort`` order."""
        return await self._client.list_prescriptions(
            filters,
            sort=sort,
            limit=limit,
            offset=offset,
        )

    async def get_prescription(
        self,
        prescription_id: UUID,
    ) -> PrescriptionPublic:
        """One prescription; :class:`NotFoundError` when it does not exist."""
        return await self._client.get_prescription(
            prescription_id,
        )

    async def create_prescription(
        self,
        payload: PrescriptionCreate,
    ) -> PrescriptionPublic:
        """Create one prescription once the rules accept it; :class:`ConflictError` on a duplicate or a missing parent,
        :class:`BusinessRuleViolationError` or :class:`ValidationFailedError` when a rule refuses it.
        """
        await prescription_rules.check_create(payload, self._rules)
        return await self._client.create_prescription(payload)

    async def update_prescription(
        self,
        prescription_id: UUID,
        payload: PrescriptionUpdate,
    ) -> PrescriptionPublic:
        """Change the fields of one prescription that ``payload`` sets, once the rules accept the change."""
        await prescription_rules.check_update(
            prescription_id,
            payload,
            self._rules,
        )
        return await self._client.update_prescription(
            prescription_id,
            payload,
        )

    async def delete_prescription(
        self,
        prescription_id: UUID,
    ) -> None:
        """Delete one prescription once the rules accept it; :class:`ConflictError` while other resources reference it."""
        await prescription_rules.check_delete(
            prescription_id,
            self._rules,
        )
        await self._client.delete_prescription(
            prescription_id,
        )
