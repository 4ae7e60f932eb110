"""FastAPI dependencies: one unit of work (session and transaction) per request."""

from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import Depends, Request

from src.infrastructure.database import Database
from src.infrastructure.unit_of_work import UnitOfWork


def get_database(request: Request) -> Database:
    """The database opened by the application's lifespan."""
    database: Database = request.app.state.database
    return database


async def get_unit_of_work(database: Annotated[Database, Depends(get_database)]) -> AsyncIterator[UnitOfWork]:
    """A unit of work whose session is closed, and uncommitted changes rolled back, after the request."""
    async with database.session_factory() as session:
        yield UnitOfWork(session)


UnitOfWorkDep = Annotated[UnitOfWork, Depends(get_unit_of_work)]
