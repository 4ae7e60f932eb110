"""Every service of a rendered, installed project started as the real process it is in production (uvicorn for the
HTTP services, `python -m src.main` for workers and bots) on loopback ports, with a stand-in for the Telegram Bot API
so that a bot can poll without the internet. Used by the tests that need the services running, such as the scrape
of their /metrics.
"""

from __future__ import annotations

import json
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from generated_projects import GeneratedProject

START_TIMEOUT_S = 60
HTTP_KINDS = ("_api", "_data_postgres", "_data_mongo")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def http_get(url: str, headers: dict[str, str] | None = None, timeout: float = 5) -> tuple[int, str]:
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


class _TelegramHandler(BaseHTTPRequestHandler):
    """Answers the Bot API methods a polling bot calls at start-up and while idle; records what was called."""

    calls: list[str]

    def do_POST(self) -> None:  # noqa: N802 (the http.server interface)
        length = int(self.headers.get("Content-Length") or 0)
        self.rfile.read(length)
        method = self.path.rsplit("/", 1)[-1].lower()
        self.calls.append(method)
        result: object = True
        if method == "getme":
            result = {"id": 42, "is_bot": True, "first_name": "amgen e2e", "username": "amgen_e2e_bot"}
        elif method == "getupdates":
            time.sleep(0.5)  # an idle long poll
            result = []
        body = json.dumps({"ok": True, "result": result}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 (the http.server interface)
        return


@contextmanager
def fake_telegram() -> Iterator[tuple[str, list[str]]]:
    """A loopback Bot API server: yields its base URL and the methods called so far."""
    calls: list[str] = []
    handler = type("Handler", (_TelegramHandler,), {"calls": calls})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", calls
    finally:
        server.shutdown()
        server.server_close()


@dataclass
class RunningService:
    name: str
    port: int
    process: subprocess.Popen[bytes]
    log: Path

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def log_tail(self, lines: int = 40) -> str:
        text = self.log.read_text(errors="replace") if self.log.exists() else ""
        return f"--- {self.log} (last {lines} lines) ---\n" + "\n".join(text.splitlines()[-lines:])


def command_for(service: str, port: int, python: Path) -> list[str]:
    if service.endswith(HTTP_KINDS):
        return [str(python), "-m", "uvicorn", "src.main:app", "--host", "127.0.0.1", "--port", str(port)]
    return [str(python), "-m", "src.main"]


def port_variables(service: str, port: int) -> dict[str, str]:
    if service.endswith("_worker"):
        return {"HTTP_HOST": "127.0.0.1", "HTTP_PORT": str(port)}
    if service.endswith("_bot"):
        return {"BOT_HOST": "127.0.0.1", "BOT_PORT": str(port)}
    return {}


def start_order(service: str) -> int:
    """Data services first, the business API next, its clients last: each finds what it calls already up."""
    if service.endswith(("_data_postgres", "_data_mongo")):
        return 0
    return 1 if service.endswith("_api") else 2


def wait_until_healthy(service: RunningService, deadline: float) -> None:
    while time.monotonic() < deadline:
        if service.process.poll() is not None:
            raise AssertionError(f"{service.name} exited with {service.process.returncode}\n{service.log_tail()}")
        try:
            status, _ = http_get(f"{service.url}/health", timeout=2)
        except OSError:
            status = 0
        if status == 200:
            return
        time.sleep(0.3)
    raise AssertionError(f"{service.name} did not answer /health within {START_TIMEOUT_S} s\n{service.log_tail()}")


@contextmanager
def running_services(
    project: GeneratedProject, venv: Path, environment: dict[str, str], log_dir: Path
) -> Iterator[dict[str, RunningService]]:
    """Start every service of ``project`` with ``environment`` plus each service's URL variable pointing at the
    others (``<SERVICE_NAME>_URL``), wait until each answers /health, and stop them all (SIGTERM, then SIGKILL)."""
    ports = {service: free_port() for service in project.services}
    urls = {f"{service.upper()}_URL": f"http://127.0.0.1:{port}" for service, port in ports.items()}
    started: dict[str, RunningService] = {}
    try:
        for service in sorted(project.services, key=start_order):
            port = ports[service]
            env = {**environment, **urls, **port_variables(service, port), "PYTHONPATH": str(project.path)}
            log = log_dir / f"{service}.log"
            with log.open("wb") as sink:
                process = subprocess.Popen(
                    command_for(service, port, venv / "bin" / "python"),
                    cwd=project.path / "services" / service,
                    env=env,
                    stdin=subprocess.DEVNULL,
                    stdout=sink,
                    stderr=subprocess.STDOUT,
                    start_new_session=True,
                )
            started[service] = RunningService(service, port, process, log)
            wait_until_healthy(started[service], time.monotonic() + START_TIMEOUT_S)
        yield started
    finally:
        for service in started.values():
            if service.process.poll() is None:
                service.process.terminate()
        for service in started.values():
            try:
                service.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                service.process.kill()
                service.process.wait()

