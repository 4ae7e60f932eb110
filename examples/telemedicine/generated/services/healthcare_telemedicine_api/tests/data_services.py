"""Loads a sibling data service's application into this test process.

Every service keeps its code in a package named ``src``. To import a data service's ``src`` next to this
service's, the loader sets this service's ``src`` modules aside, imports the data service from its own directory,
keeps references to what the tests need, then takes the data service's modules out of ``sys.modules`` and puts this
service's back. The data service's objects keep working: they hold references to their modules, not names.

A PostgreSQL data service runs on a new SQLite file (or on ``TEST_DATABASE_URL``) with a fresh schema.
"""

import importlib
import os
import sys
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import AbstractAsyncContextManager, asynccontextmanager, contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

from fastapi import FastAPI

SERVICES_DIR = Path(__file__).resolve().parents[2]
TEST_DATABASE_URL_ENV = "TEST_DATABASE_URL"


@dataclass(frozen=True)
class DataService:
    """A data service for the tests: ``async with serve(tmp_path)`` runs its app, lifespan included, on an empty
    database.
    """

    name: str
    serve: Callable[[Path], AbstractAsyncContextManager[FastAPI]]


def _is_src_module(name: str) -> bool:
    return name == "src" or name.startswith("src.")


def _take_src_modules() -> dict[str, ModuleType]:
    taken = {name: module for name, module in sys.modules.items() if _is_src_module(name)}
    for name in taken:
        del sys.modules[name]
    return taken


@contextmanager
def _importing_from(service_dir: Path) -> Iterator[None]:
    """Within the block, ``import src...`` imports from ``service_dir``; everything is restored afterwards."""
    own_modules = _take_src_modules()
    sys.path.insert(0, str(service_dir))
    importlib.invalidate_caches()
    try:
        yield
    finally:
        sys.path.remove(str(service_dir))
        _take_src_modules()
        sys.modules.update(own_modules)
        importlib.invalidate_caches()


def _load_postgres_data_service(name: str) -> DataService:
    with _importing_from(SERVICES_DIR / name):
        main = importlib.import_module("src.main")
        config = importlib.import_module("src.core.config")
        database = importlib.import_module("src.infrastructure.database")

    @asynccontextmanager
    async def serve(tmp_path: Path) -> AsyncIterator[FastAPI]:
        database_url = os.environ.get(TEST_DATABASE_URL_ENV) or f"sqlite+aiosqlite:///{tmp_path / name}.db"
        await database.drop_schema(database_url)
        await database.create_schema(database_url)
        try:
            app: FastAPI = main.create_app(config.Settings(database_url=database_url))
            async with app.router.lifespan_context(app):
                yield app
        finally:
            await database.drop_schema(database_url)

    return DataService(name=name, serve=serve)


def load_data_service(name: str) -> DataService:
    """The data service in ``services/<name>``."""
    return _load_postgres_data_service(name)
