"""The motor client, the service's database and the indexes its collections need."""

import logging
from collections.abc import Mapping, Sequence
from typing import Any

from motor.motor_asyncio import AsyncIOMotorClient, AsyncIOMotorCollection, AsyncIOMotorDatabase
from pymongo import IndexModel
from pymongo.errors import ConnectionFailure, PyMongoError

from src.core.config import SERVICE_NAME, Settings
from src.domain.errors import DatabaseUnavailableError

logger = logging.getLogger(__name__)

Document = dict[str, Any]
MongoClient = AsyncIOMotorClient[Document]


def build_client(settings: Settings) -> MongoClient:
    """A pooled client for ``MONGODB_URL``; it connects lazily, on the first operation."""
    client: MongoClient = AsyncIOMotorClient(
        settings.resolved_mongodb_url,
        maxPoolSize=settings.mongodb_max_pool_size,
        minPoolSize=settings.mongodb_min_pool_size,
        serverSelectionTimeoutMS=settings.mongodb_server_selection_timeout_ms,
        tz_aware=True,
        appname=SERVICE_NAME,
    )
    return client


class MongoDatabase:
    """The database of the service on one client."""

    def __init__(self, client: MongoClient, name: str) -> None:
        self.client = client
        self.name = name
        self.database: AsyncIOMotorDatabase[Document] = client[name]

    def collection(self, name: str) -> AsyncIOMotorCollection[Document]:
        """The collection ``name`` of the service's database."""
        return self.database[name]

    async def ping(self) -> bool:
        """Whether the server answers a ``ping``."""
        try:
            await self.client.admin.command("ping")
        except PyMongoError:
            return False
        return True

    async def ensure_indexes(self, indexes: Mapping[str, Sequence[IndexModel]]) -> None:
        """Create the indexes of every collection that do not exist yet; a server that is down fails start-up."""
        try:
            for collection, models in indexes.items():
                if models:
                    await self.collection(collection).create_indexes(list(models))
        except ConnectionFailure as error:
            logger.error("mongodb_unreachable", extra={"database": self.name, "error": repr(error)})
            raise DatabaseUnavailableError("MongoDB cannot be reached (check MONGODB_URL).") from error
        logger.info("indexes_ready", extra={"collections": sorted(indexes)})

    async def drop(self) -> None:
        """Drop the whole database (tests)."""
        await self.client.drop_database(self.name)

    def close(self) -> None:
        """Close every pooled connection."""
        self.client.close()
