"""Generic repository: CRUD, paginated listing and aggregation over one collection."""

from collections.abc import Mapping, Sequence
from typing import Any, Generic, TypeVar
from uuid import UUID, uuid4

from motor.motor_asyncio import AsyncIOMotorCollection
from pydantic import ValidationError
from pymongo import ASCENDING, DESCENDING, ReturnDocument
from pymongo.errors import DuplicateKeyError, ExecutionTimeout, OperationFailure

from shared.contracts.base import ContractModel
from src.domain.errors import ConflictError, InvalidRequestError, NotFoundError
from src.domain.sorting import SortOrder
from src.infrastructure.documents import from_bson, parse_extended_json, to_bson, to_document, utc_now
from src.infrastructure.mongo import Document

PublicT = TypeVar("PublicT", bound=ContractModel)

AGGREGATE_MAX_TIME_MS = 10_000
"""Longest time the server may spend on one aggregation."""


def stored_name(field: str) -> str:
    """The document key of a contract field: the id is stored as ``_id``."""
    return "_id" if field == "id" else field


def server_message(error: OperationFailure) -> str:
    """The server's explanation of a refused command, without the full error document."""
    message = (error.details or {}).get("errmsg")
    return message if isinstance(message, str) else str(error)


class MongoRepository(Generic[PublicT]):
    """Reads and writes the documents of one collection; returns them as ``public_model`` instances."""

    def __init__(
        self,
        collection: AsyncIOMotorCollection[Document],
        public_model: type[PublicT],
        label: str,
    ) -> None:
        self._collection = collection
        self._public_model = public_model
        self.label = label

    def _to_public(self, document: Mapping[str, Any]) -> PublicT:
        values: dict[str, Any] = dict.fromkeys(self._public_model.model_fields)
        values.update(from_bson(document))
        values["id"] = values.pop("_id")
        return self._public_model.model_validate(values)

    def _duplicate(self) -> ConflictError:
        return ConflictError(f"Another {self.label} already has the same unique value.")

    async def _find(self, entity_id: UUID) -> Document:
        document = await self._collection.find_one({"_id": str(entity_id)})
        if document is None:
            raise NotFoundError(f"No {self.label} with id {entity_id}.")
        return document

    async def get(self, entity_id: UUID) -> PublicT:
        """The document with id ``entity_id``; raises :class:`NotFoundError` when there is none."""
        return self._to_public(await self._find(entity_id))

    async def list_page(
        self,
        *,
        filters: Mapping[str, Any],
        sort: SortOrder,
        limit: int,
        offset: int,
    ) -> tuple[list[PublicT], int]:
        """One page of documents equal to ``filters``, in ``sort`` order (then by id), and the total count."""
        query = {stored_name(name): to_bson(value) for name, value in filters.items()}
        total = await self._collection.count_documents(query)
        direction = DESCENDING if sort.descending else ASCENDING
        cursor = self._collection.find(query).sort([(stored_name(sort.key), direction), ("_id", ASCENDING)])
        documents = await cursor.skip(offset).limit(limit).to_list(length=None)
        return [self._to_public(document) for document in documents], total

    async def create(self, values: Mapping[str, Any]) -> PublicT:
        """Insert a document with ``values``, a new id and the creation time."""
        now = utc_now()
        document = {"_id": str(uuid4()), **to_document(values), "created_at": now, "updated_at": now}
        try:
            await self._collection.insert_one(document)
        except DuplicateKeyError as error:
            raise self._duplicate() from error
        return self._to_public(document)

    async def update(self, entity_id: UUID, values: Mapping[str, Any]) -> PublicT:
        """Change the fields in ``values`` of the document with id ``entity_id``; ``None`` clears a field."""
        current = await self._find(entity_id)
        if not values:
            return self._to_public(current)
        assigned = to_document(values)
        cleared = {name: "" for name, value in values.items() if value is None}
        try:
            self._to_public({name: value for name, value in {**current, **assigned}.items() if name not in cleared})
        except ValidationError as error:
            raise InvalidRequestError(f"A required field of the {self.label} cannot be null.") from error
        update: dict[str, Any] = {"$set": {**assigned, "updated_at": utc_now()}}
        if cleared:
            update["$unset"] = cleared
        try:
            stored = await self._collection.find_one_and_update(
                {"_id": str(entity_id)},
                update,
                return_document=ReturnDocument.AFTER,
            )
        except DuplicateKeyError as error:
            raise self._duplicate() from error
        if stored is None:
            raise NotFoundError(f"No {self.label} with id {entity_id}.")
        return self._to_public(stored)

    async def delete(self, entity_id: UUID) -> None:
        """Delete the document with id ``entity_id``."""
        result = await self._collection.delete_one({"_id": str(entity_id)})
        if result.deleted_count == 0:
            raise NotFoundError(f"No {self.label} with id {entity_id}.")

    async def aggregate(self, pipeline: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
        """Run a validated ``pipeline`` (Extended JSON values allowed); documents come back in contract form."""
        stages = parse_extended_json(pipeline)
        try:
            cursor = self._collection.aggregate(stages, maxTimeMS=AGGREGATE_MAX_TIME_MS)
            documents = await cursor.to_list(length=None)
        except ExecutionTimeout as error:
            limit = AGGREGATE_MAX_TIME_MS // 1000
            raise InvalidRequestError(f"The pipeline ran longer than {limit} s; narrow it with $match.") from error
        except OperationFailure as error:
            raise InvalidRequestError(f"The database refused the pipeline: {server_message(error)}") from error
        return [from_bson(document) for document in documents]
