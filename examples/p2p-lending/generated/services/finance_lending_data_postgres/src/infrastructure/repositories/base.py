"""Generic repository: CRUD and paginated listing of one model, within the caller's session."""

from collections.abc import Mapping, Sequence
from typing import Any, Generic, TypeVar
from uuid import UUID

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from src.domain.errors import ConflictError, DomainError, InvalidRequestError, NotFoundError
from src.domain.sorting import SortOrder
from src.infrastructure.models import EntityModel

ModelT = TypeVar("ModelT", bound=EntityModel)

_UNIQUE_VIOLATIONS = frozenset({"23505", "SQLITE_CONSTRAINT_UNIQUE", "SQLITE_CONSTRAINT_PRIMARYKEY"})
_FOREIGN_KEY_VIOLATIONS = frozenset({"23503", "SQLITE_CONSTRAINT_FOREIGNKEY"})
_NOT_NULL_VIOLATIONS = frozenset({"23502", "SQLITE_CONSTRAINT_NOTNULL"})


def integrity_error_code(error: IntegrityError) -> str:
    """SQLSTATE (PostgreSQL) or extended error name (SQLite) of a constraint violation."""
    original = error.orig
    code = getattr(original, "sqlstate", None) or getattr(original, "sqlite_errorname", None)
    return str(code) if code else ""


def translate_integrity_error(error: IntegrityError, label: str) -> DomainError:
    """The domain error a client should see for a constraint violation on a ``label``."""
    code = integrity_error_code(error)
    if code in _UNIQUE_VIOLATIONS:
        return ConflictError(f"Another {label} already has the same unique value.")
    if code in _FOREIGN_KEY_VIOLATIONS:
        return ConflictError(f"The {label} references a resource that does not exist, or is still referenced.")
    if code in _NOT_NULL_VIOLATIONS:
        return InvalidRequestError(f"A required field of the {label} cannot be null.")
    return ConflictError(f"The {label} violates a database constraint.")


class SqlRepository(Generic[ModelT]):
    """Reads and writes rows of ``model``; flushes so that errors surface here, but never commits."""

    def __init__(self, session: AsyncSession, model: type[ModelT], label: str) -> None:
        self._session = session
        self._model = model
        self.label = label

    async def _flush(self) -> None:
        try:
            await self._session.flush()
        except IntegrityError as error:
            await self._session.rollback()
            raise translate_integrity_error(error, self.label) from error

    async def get(self, entity_id: UUID) -> ModelT:
        """The row with id ``entity_id``; raises :class:`NotFoundError` when there is none."""
        instance = await self._session.get(self._model, entity_id)
        if instance is None:
            raise NotFoundError(f"No {self.label} with id {entity_id}.")
        return instance

    async def list_page(
        self,
        *,
        filters: Mapping[str, Any],
        sort: SortOrder,
        limit: int,
        offset: int,
    ) -> tuple[Sequence[ModelT], int]:
        """One page of rows equal to ``filters``, in ``sort`` order (then by id), and the total count."""
        statement = sa.select(self._model).filter_by(**filters)
        total = await self._session.scalar(sa.select(sa.func.count()).select_from(statement.subquery()))
        column = self._model.__table__.columns[sort.key]
        order = column.desc() if sort.descending else column.asc()
        rows = await self._session.scalars(statement.order_by(order, self._model.id).limit(limit).offset(offset))
        return rows.all(), total or 0

    async def create(self, values: Mapping[str, Any]) -> ModelT:
        """Insert a row with ``values``."""
        instance = self._model(**values)
        self._session.add(instance)
        await self._flush()
        await self._session.refresh(instance)
        return instance

    async def update(self, entity_id: UUID, values: Mapping[str, Any]) -> ModelT:
        """Change the fields in ``values`` of the row with id ``entity_id``."""
        instance = await self.get(entity_id)
        for name, value in values.items():
            setattr(instance, name, value)
        await self._flush()
        await self._session.refresh(instance)
        return instance

    async def delete(self, entity_id: UUID) -> None:
        """Delete the row with id ``entity_id``."""
        instance = await self.get(entity_id)
        await self._session.delete(instance)
        await self._flush()
