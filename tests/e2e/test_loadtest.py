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
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

import pytest
import yaml

from generated_projects import GeneratedProject, SharedVenv, make_env, render_project
from harness import REPO_ROOT, Amgen

SPEC = REPO_ROOT / "examples" / "clinic" / "amgen.yaml"
API_KEY = "loadtest-key"
RUN_SECONDS = 8
READY_TIMEOUT_S = 60
LOCUST_TIMEOUT_S = 90


def render(amgen: Amgen, level: int, tmp_path_factory: pytest.TempPathFactory) -> GeneratedProject:
    name = str(yaml.safe_load(SPEC.read_text())["project"]["name"])
    return render_project(amgen, SPEC, name, level, tmp_path_factory, "loadtest")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@contextmanager
def serve(venv: Path, service_dir: Path, port: int, env: dict[str, str], log: Path) -> Iterator[None]:
    """`uvicorn src.main:app` of one service on 127.0.0.1:port, stopped (and waited for) on exit."""
    with log.open("w") as output:
        process = subprocess.Popen(
            [str(venv / "bin" / "uvicorn"), "src.main:app", "--host", "127.0.0.1", "--port", str(port)],
            cwd=service_dir,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
        try:
            yield
        finally:
            process.terminate()
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def wait_until_ready(url: str, logs: list[Path]) -> None:
    deadline = time.monotonic() + READY_TIMEOUT_S
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.5)
    pytest.fail(f"{url} not ready after {READY_TIMEOUT_S} s\n" + "\n".join(log.read_text()[-3000:] for log in logs))


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
    api_port, data_port = free_port(), free_port()
    logs = [tmp_path / "data.log", tmp_path / "api.log"]
    base = make_env(None, {"PYTHONPATH": str(project.path)})
    data_env = {**base, "SQLITE_PATH": str(tmp_path / "load.db")}
    api_env = {**base, f"{data.upper()}_URL": f"http://127.0.0.1:{data_port}", "API_KEYS": API_KEY}
    entities = yaml.safe_load(SPEC.read_text())["entities"]

    with ExitStack() as stack:
        stack.enter_context(serve(venv, project.path / "services" / data, data_port, data_env, logs[0]))
        stack.enter_context(serve(venv, project.path / "services" / api, api_port, api_env, logs[1]))
        wait_until_ready(f"http://127.0.0.1:{api_port}/ready", logs)
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
    for line in logs[0].read_text().splitlines():
        if line.startswith("{"):
            forwarded.add(str(json.loads(line).get("request_id", "")))
    assert any(request_id.startswith("req_load_") for request_id in forwarded), sorted(forwarded)[:10]
    assert os.path.getsize(tmp_path / "load.db") > 0
