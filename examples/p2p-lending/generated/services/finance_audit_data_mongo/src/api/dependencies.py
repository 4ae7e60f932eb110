"""FastAPI dependencies: the database opened by the lifespan and the repositories on it."""

from typing import Annotated

from fastapi import Depends, Request

from src.infrastructure.mongo import MongoDatabase
from src.infrastructure.repositories.registry import Repositories


def get_database(request: Request) -> MongoDatabase:
    """The database opened by the application's lifespan."""
    database: MongoDatabase = request.app.state.database
    return database


def get_repositories(database: Annotated[MongoDatabase, Depends(get_database)]) -> Repositories:
    """The repositories of the request."""
    return Repositories(database)


RepositoriesDep = Annotated[Repositories, Depends(get_repositories)]
