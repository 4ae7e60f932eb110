"""Loads a sibling data service's application into this test process.

Every service keeps its code in a package named ``src``. To import a data service's ``src`` next to this
service's, the loader sets this service's ``src`` modules aside, imports the data service from its own directory,
keeps references to what the tests need, then takes the data service's modules out of ``sys.modules`` and puts this
service's back. The data service's objects keep working: they hold references to their modules, not names.
"""

import importlib
import sys
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

from fastapi import FastAPI

SERVICES_DIR = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class DataService:
    """What the tests use of a data service, bound to a database URL when called."""

    name: str
    create_app: Callable[[str], FastAPI]
    create_schema: Callable[[str], Awaitable[None]]
    drop_schema: Callable[[str], Awaitable[None]]


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


def load_data_service(name: str) -> DataService:
    """The data service in ``services/<name>``."""
    with _importing_from(SERVICES_DIR / name):
        main = importlib.import_module("src.main")
        config = importlib.import_module("src.core.config")
        database = importlib.import_module("src.infrastructure.database")

    def create_app(database_url: str) -> FastAPI:
        app: FastAPI = main.create_app(config.Settings(database_url=database_url))
        return app

    return DataService(
        name=name,
        create_app=create_app,
        create_schema=database.create_schema,
        drop_schema=database.drop_schema,
    )
