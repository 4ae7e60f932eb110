"""The Locust load test of level 3 and above (feature `load_tests`): `loadtest/locustfile.py` is run by the real
Locust (installed by the project's own `make install` from loadtest/pyproject.toml), headless for a few seconds,
against the generated business API and its PostgreSQL data service, both started with uvicorn from the shared venv
on free loopback ports (the data service on an SQLite file). The API gets `API_KEYS=loadtest-key` and Locust
`LOCUST_API_KEY=loadtest-key`, so the run holds whether or not the API enforces API keys. Locust's `--csv` statistics
must show requests for every entity (create, list and read) and no failure at all, and the data service's log must
show the request ids Locust sent, forwarded by the API. Level 2 renders no loadtest/.
"""

from __future__ import annotations

import csv
import json
import os
import subprocess
from pathlib import Path

import pytest
import yaml

from generated_projects import GeneratedProject, SharedVenv, make_env, render_project
from harness import REPO_ROOT, Amgen
from running_services import running_services

SPEC = REPO_ROOT / "examples" / "clinic" / "amgen.yaml"
API_KEY = "loadtest-key"
RUN_SECONDS = 8
LOCUST_TIMEOUT_S = 90


def render(amgen: Amgen, level: int, tmp_path_factory: pytest.TempPathFactory) -> GeneratedProject:
    name = str(yaml.safe_load(SPEC.read_text())["project"]["name"])
    return render_project(amgen, SPEC, name, level, tmp_path_factory, "loadtest")


def service_named(project: GeneratedProject, suffix: str) -> str:
    return next(name for name in project.services if name.endswith(suffix))


def test_level_2_has_no_load_test(amgen: Amgen, tmp_path_factory: pytest.TempPathFactory) -> None:
    project = render(amgen, 2, tmp_path_factory)
    assert not (project.path / "loadtest").exists()
    assert "loadtest:" not in (project.path / "Makefile").read_text()


@pytest.mark.heavy
def test_locust_runs_against_the_generated_api_without_failures(
    amgen: Amgen, tmp_path_factory: pytest.TempPathFactory, shared_venv: SharedVenv, tmp_path: Path
) -> None:
    project = render(amgen, 3, tmp_path_factory)
    shared_venv.install(project)
    venv = shared_venv.path.resolve()
    api, data = service_named(project, "_api"), service_named(project, "_data_postgres")
    environment = make_env(None, {"SQLITE_PATH": str(tmp_path / "load.db"), "API_KEYS": API_KEY})
    entities = yaml.safe_load(SPEC.read_text())["entities"]

    with running_services(project, venv, environment, tmp_path) as services:
        api_port = services[api].port
        locust = subprocess.run(
            [
                str(venv / "bin" / "locust"),
                "-f",
                "loadtest/locustfile.py",
                "--headless",
                "--host",
                f"http://127.0.0.1:{api_port}",
                "--users",
                str(2 * len(entities)),
                "--spawn-rate",
                str(2 * len(entities)),
                "--run-time",
                f"{RUN_SECONDS}s",
                "--csv",
                str(tmp_path / "load"),
                "--only-summary",
            ],
            cwd=project.path,
            env={**make_env(None), "LOCUST_API_KEY": API_KEY},
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=LOCUST_TIMEOUT_S,
            check=False,
        )
    output = locust.stdout + locust.stderr
    assert locust.returncode == 0, output[-5000:]

    with (tmp_path / "load_stats.csv").open() as stats_file:
        rows = {(row["Type"], row["Name"]): row for row in csv.DictReader(stats_file)}
    total = rows[("", "Aggregated")]
    assert int(total["Request Count"]) > 0, output[-3000:]
    assert int(total["Failure Count"]) == 0, output[-3000:]
    for row in rows.values():
        assert int(row["Failure Count"]) == 0, row
    # Every entity is created, listed and read (plural kebab paths, as the API serves them).
    paths = {name for kind, name in rows if kind == "POST"}
    assert len(paths) == len(entities), sorted(rows)
    for path in paths:
        assert int(rows[("POST", path)]["Request Count"]) > 0
        assert ("GET", path) in rows, f"{path} is never listed"
    assert any(name.endswith("/{id}") for kind, name in rows if kind == "GET"), "no entity is read back"

    # The request ids Locust sent reached the data service through the API.
    forwarded = set()
    for line in services[data].log.read_text().splitlines():
        if line.startswith("{"):
            forwarded.add(str(json.loads(line).get("request_id", "")))
    assert any(request_id.startswith("req_load_") for request_id in forwarded), sorted(forwarded)[:10]
    assert os.path.getsize(tmp_path / "load.db") > 0
