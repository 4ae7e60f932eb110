"""The nginx gateway of level 3 and above (feature `gateway`): rendered for the five-kinds spec (and the clinic spec,
which has no bot), absent at level 2, and accepted by the real `nginx -t` with the certificate the project's own
`make certs` creates. Content checks read the configuration through a small nginx tokenizer, so they assert on
directives inside their blocks, not on text anywhere in the file.

Upstream names: nginx -t resolves every `server host:port` of an `upstream` block, and the compose service names
resolve only inside the Docker network. Never editing /etc/hosts and needing no network, the test relies on the
generated layout: nginx.conf `include`s upstreams.conf (both mounted into /etc/nginx/ by the compose file), and the
test runs nginx -t on a byte-identical copy of nginx.conf next to a copy of upstreams.conf in which only the host of
each `server` line is replaced by 127.0.0.1, after asserting those hosts are exactly the business API's compose
service name on port 8000. Everything else nginx -t sees is the generated text. The bot's webhook is proxied through
a variable with Docker's resolver (resolved per request, so the gateway starts while the bot is down), which nginx -t
does not resolve. Relative paths of the configuration (pid, temp paths under `-p <prefix>`; upstreams.conf and
certs/ next to the file) keep nginx -t away from root-only paths; because nginx -t also binds ports 80 and 443, it
runs in a network namespace of its own (`unshare --net --map-root-user`, see isolation()), which needs no root, cannot
collide with a server on the host and has no network at all.

Needs `nginx` and `openssl` on the PATH (scripts/install-deps.sh installs them); without them the test fails.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml

from compose_check import cross_reference_errors, validate_compose
from generated_projects import GeneratedProject, render_project
from harness import REPO_ROOT, Amgen

SPECS = {
    "five_kinds": REPO_ROOT / "examples" / "clinic-reminders" / "amgen.yaml",
    "clinic": REPO_ROOT / "examples" / "clinic" / "amgen.yaml",
}
API = {"five_kinds": "healthcare_clinic_api", "clinic": "healthcare_clinic_api"}
BOT = {"five_kinds": "healthcare_notifications_bot", "clinic": None}
GATEWAY_FILES = {"gateway/nginx.conf", "gateway/upstreams.conf", "gateway/README.md"}
SECURITY_HEADERS = {
    "Strict-Transport-Security",
    "X-Content-Type-Options",
    "X-Frame-Options",
    "Referrer-Policy",
    "Content-Security-Policy",
}


# --- a minimal reader of nginx's configuration syntax: directives with arguments, blocks with children.


@dataclass
class Directive:
    name: str
    args: list[str]
    children: list[Directive] | None = None
    lines: list[str] = field(default_factory=list)

    def all(self, name: str) -> list[Directive]:
        return [child for child in self.children or [] if child.name == name]

    def one(self, name: str) -> Directive:
        found = self.all(name)
        assert len(found) == 1, f"expected one {name!r} in {self.name} {' '.join(self.args)}, found {len(found)}"
        return found[0]

    def location(self, *args: str) -> Directive:
        found = [child for child in self.all("location") if child.args == list(args)]
        assert len(found) == 1, f"expected one location {' '.join(args)}, found {len(found)}"
        return found[0]

    def values(self, name: str) -> list[list[str]]:
        return [child.args for child in self.all(name)]


def tokens(text: str) -> list[str]:
    """Words, quoted strings (quotes removed), `{`, `}` and `;`; comments dropped."""
    result: list[str] = []
    i = 0
    while i < len(text):
        char = text[i]
        if char.isspace():
            i += 1
        elif char == "#":
            i = text.find("\n", i) if "\n" in text[i:] else len(text)
        elif char in "{};":
            result.append(char)
            i += 1
        elif char in "'\"":
            end = text.index(char, i + 1)
            result.append(text[i + 1 : end])
            i = end + 1
        else:
            match = re.compile(r"[^\s{};'\"#]+").match(text, i)
            assert match is not None
            result.append(match.group())
            i = match.end()
    return result


def parse(text: str) -> Directive:
    root = Directive("main", [], [])
    stack = [root]
    words: list[str] = []
    for token in tokens(text):
        if token == ";":
            assert words, "an empty directive"
            stack[-1].children.append(Directive(words[0], words[1:]))  # type: ignore[union-attr]
            words = []
        elif token == "{":
            block = Directive(words[0], words[1:], [])
            stack[-1].children.append(block)  # type: ignore[union-attr]
            stack.append(block)
            words = []
        elif token == "}":
            assert not words and len(stack) > 1, "unbalanced braces"
            stack.pop()
        else:
            words.append(token)
    assert len(stack) == 1 and not words, "unterminated block or directive"
    return root


def walk(block: Directive) -> list[Directive]:
    found = [block]
    for child in block.children or []:
        found.extend(walk(child))
    return found


# --- fixtures


def render(amgen: Amgen, case: str, level: int, tmp_path_factory: pytest.TempPathFactory) -> GeneratedProject:
    spec = SPECS[case]
    name = str(yaml.safe_load(spec.read_text())["project"]["name"])
    return render_project(amgen, spec, name, level, tmp_path_factory, f"gateway-{case}")


@pytest.fixture(scope="module", params=sorted(SPECS))
def level3(request: pytest.FixtureRequest, amgen: Amgen, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path]:
    return request.param, render(amgen, request.param, 3, tmp_path_factory).path


def service_kinds(project: Path) -> dict[str, str]:
    """Service name -> kind, from the spec amgen recorded in the project."""
    spec = yaml.safe_load((project / ".amgen" / "spec.yaml").read_text())
    context = spec["project"]["context"]
    return {f"{context}_{s['domain']}_{s['type']}": s["type"] for s in spec["services"]}


def http_block(project: Path) -> Directive:
    return parse((project / "gateway" / "nginx.conf").read_text()).one("http")


def server_listening(http: Directive, port: str) -> Directive:
    found = [server for server in http.all("server") if any(args[0] == port for args in server.values("listen"))]
    assert len(found) == 1, f"expected one server listening on {port}, found {len(found)}"
    return found[0]


def require_tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.fail(f"{name} is not installed: run `bash scripts/install-deps.sh`", pytrace=False)
    return path


def run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        args, cwd=cwd, stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=120, check=False
    )


def isolation() -> list[str]:
    """The command prefix that runs nginx -t in a network namespace of its own, as root of a user namespace: nginx -t
    binds the listen ports (80 and 443), which needs root and fails when the host uses them. Directly when unshare
    is not allowed but the test runs as root (then 80 and 443 must be free)."""
    namespace = ["unshare", "--net", "--map-root-user"]
    if shutil.which("unshare") and run([*namespace, "true"], Path.cwd()).returncode == 0:
        return namespace
    if os.geteuid() == 0:
        return []
    pytest.fail("nginx -t binds ports 80 and 443: run as root, or where `unshare --net --map-root-user` works")


def nginx_test(conf_dir: Path, prefix: Path) -> subprocess.CompletedProcess[str]:
    """The real `nginx -t` on conf_dir/nginx.conf, with its error log on stderr and every relative path under
    prefix (so neither the compiled-in log nor pid path is touched). `user root` (the one directive added, on the
    command line) makes the temp directories belong to the (namespace) root instead of the compiled-in user, an id
    a user namespace does not map."""
    prefix.mkdir(parents=True, exist_ok=True)
    nginx = require_tool("nginx")
    command = [nginx, "-t", "-e", "stderr", "-g", "user root;", "-p", f"{prefix}/", "-c", str(conf_dir / "nginx.conf")]
    return run([*isolation(), *command], conf_dir)


def upstream_servers(text: str) -> list[tuple[str, str]]:
    """(host, port) of every `server` inside an `upstream` block."""
    return [
        tuple(child.args[0].rsplit(":", 1))  # type: ignore[misc]
        for block in parse(text).all("upstream")
        for child in block.all("server")
    ]


def conf_for_nginx_t(project: Path, target: Path) -> Path:
    """target/ with nginx.conf as generated, certs/ as `make certs` wrote them and upstreams.conf with each server's
    host (the compose service name) replaced by 127.0.0.1 — the one change nginx -t needs outside Docker."""
    gateway = project / "gateway"
    target.mkdir()
    shutil.copyfile(gateway / "nginx.conf", target / "nginx.conf")
    shutil.copytree(gateway / "certs", target / "certs")
    upstreams = (gateway / "upstreams.conf").read_text()
    local = re.sub(r"(?m)^(\s*server\s+)[A-Za-z0-9_.-]+(:\d+)", r"\g<1>127.0.0.1\g<2>", upstreams)
    assert [port for _, port in upstream_servers(local)] == [port for _, port in upstream_servers(upstreams)]
    assert {host for host, _ in upstream_servers(local)} == {"127.0.0.1"}
    (target / "upstreams.conf").write_text(local)
    assert (target / "nginx.conf").read_bytes() == (gateway / "nginx.conf").read_bytes()
    return target


# --- tests


def test_level_2_has_no_gateway(amgen: Amgen, tmp_path_factory: pytest.TempPathFactory) -> None:
    project = render(amgen, "five_kinds", 2, tmp_path_factory).path
    assert not (project / "gateway").exists()
    assert "gateway" not in validate_compose(project, {})["services"]
    assert not re.search(r"(?m)^certs:", (project / "Makefile").read_text())
    assert "gateway" not in (project / ".gitignore").read_text()


def test_level_3_renders_the_gateway_files(level3: tuple[str, Path]) -> None:
    _, project = level3
    rendered = {p.relative_to(project).as_posix() for p in (project / "gateway").rglob("*") if p.is_file()}
    assert rendered == GATEWAY_FILES


def test_make_certs_and_nginx_t_accept_the_generated_configuration(level3: tuple[str, Path], tmp_path: Path) -> None:
    case, project = level3
    require_tool("openssl")
    made = run(["make", "certs"], project)
    assert made.returncode == 0, f"make certs failed\n{made.stdout}\n{made.stderr}"
    crt, key = project / "gateway" / "certs" / "server.crt", project / "gateway" / "certs" / "server.key"
    assert crt.is_file() and key.is_file()
    assert key.stat().st_mode & 0o077 == 0, "the private key is readable by others"
    san = run(["openssl", "x509", "-in", str(crt), "-noout", "-ext", "subjectAltName"], project)
    assert san.returncode == 0 and "DNS:localhost" in san.stdout, san.stdout + san.stderr
    again = run(["make", "certs"], project)
    assert again.returncode == 0 and "exist" in again.stdout, "make certs must keep an existing pair"

    # The generated upstreams name the compose service of the business API, port 8000, and nothing else.
    upstreams = (project / "gateway" / "upstreams.conf").read_text()
    assert upstream_servers(upstreams) == [(API[case], "8000")]

    result = nginx_test(conf_for_nginx_t(project, tmp_path / "conf"), tmp_path / "prefix")
    assert result.returncode == 0, f"nginx -t rejected the generated configuration:\n{result.stderr}"
    assert "test is successful" in result.stderr
    assert "[warn]" not in result.stderr and "[emerg]" not in result.stderr, result.stderr

    # The same check fails without a certificate: nginx -t really loads the files the configuration names.
    broken = conf_for_nginx_t(project, tmp_path / "no-certs")
    (broken / "certs" / "server.crt").unlink()
    failed = nginx_test(broken, tmp_path / "prefix-no-certs")
    assert failed.returncode != 0 and "server.crt" in failed.stderr, failed.stderr


def test_git_ignores_the_certificate_and_key(level3: tuple[str, Path], tmp_path: Path) -> None:
    _, project = level3
    require_tool("git")
    copy = tmp_path / "project"
    shutil.copytree(project, copy)
    (copy / "gateway" / "certs").mkdir(exist_ok=True)
    for name in ("server.crt", "server.key"):
        (copy / "gateway" / "certs" / name).write_text("placeholder\n")
    assert run(["git", "init", "-q"], copy).returncode == 0
    ignored = run(["git", "check-ignore", "gateway/certs/server.crt", "gateway/certs/server.key"], copy)
    assert ignored.stdout.split() == ["gateway/certs/server.crt", "gateway/certs/server.key"]
    kept = run(["git", "check-ignore", "gateway/nginx.conf", "gateway/upstreams.conf"], copy)
    assert kept.returncode == 1, f"the gateway configuration must be committed: {kept.stdout}"


def test_only_the_business_api_and_the_bot_webhook_are_proxied(level3: tuple[str, Path]) -> None:
    case, project = level3
    api, bot = API[case], BOT[case]
    kinds = service_kinds(project)
    assert kinds[api] == "api"
    text = (project / "gateway" / "nginx.conf").read_text() + (project / "gateway" / "upstreams.conf").read_text()
    for name, kind in kinds.items():
        if kind.startswith("data_") or kind == "worker":
            assert name not in text, f"{kind} service {name} must not be reachable through the gateway"

    https = server_listening(http_block(project), "443")
    targets = {tuple(d.args) for d in walk(https) if d.name == "proxy_pass"}
    assert (f"http://{api}",) in targets
    assert https.location("/").one("proxy_pass").args == [f"http://{api}"]
    assert https.location("/ws/").one("proxy_pass").args == [f"http://{api}"]
    webhook = [loc for loc in https.all("location") if "webhook" in " ".join(loc.args)]
    if bot is None:
        assert webhook == [] and targets == {(f"http://{api}",)}
        return
    assert len(webhook) == 1 and webhook[0].args == ["~", "^/webhook(/|$)"]
    assert webhook[0].values("set") == [["$bot_upstream", f"http://{bot}:8000"]]
    assert webhook[0].one("proxy_pass").args == ["$bot_upstream"]
    assert webhook[0].one("limit_except").args == ["POST"]
    assert targets == {(f"http://{api}",), ("$bot_upstream",)}


def test_http_redirects_to_https_except_acme_challenges(level3: tuple[str, Path]) -> None:
    _, project = level3
    http80 = server_listening(http_block(project), "80")
    assert http80.location("/").one("return").args == ["301", "https://$host$request_uri"]
    assert http80.location("/.well-known/acme-challenge/").all("root")
    assert not [d for d in walk(http80) if d.name == "proxy_pass"], "port 80 must not proxy anything"


def test_tls_headers_request_ids_and_limits(level3: tuple[str, Path]) -> None:
    _, project = level3
    http = http_block(project)
    https = server_listening(http, "443")
    assert ["443", "ssl", "http2", "default_server"] in https.values("listen")
    assert https.one("ssl_protocols").args == ["TLSv1.2", "TLSv1.3"]
    assert https.one("ssl_certificate").args == ["certs/server.crt"]
    assert https.one("ssl_certificate_key").args == ["certs/server.key"]

    headers = {args[0]: args[1:] for args in https.values("add_header")}
    assert SECURITY_HEADERS | {"X-Request-ID"} <= set(headers)
    for name in SECURITY_HEADERS:
        assert headers[name][-1] == "always", f"{name} must be sent on error responses too"
    assert headers["Strict-Transport-Security"][0].startswith("max-age=")
    assert "default-src 'none'" in headers["Content-Security-Policy"][0]
    assert headers["X-Content-Type-Options"][0] == "nosniff"
    assert not [d for loc in https.all("location") for d in walk(loc) if d.name == "add_header"], (
        "a location with its own add_header would drop the server's security headers"
    )

    maps = [m.args for m in http.all("map")]
    assert maps == [["$http_x_request_id", "$gateway_request_id"], ["$http_upgrade", "$connection_upgrade"]]
    forwarded = {args[0]: args[1] for args in https.values("proxy_set_header")}
    assert forwarded["X-Request-ID"] == "$gateway_request_id"
    assert headers["X-Request-ID"][0] == "$gateway_request_id"
    assert forwarded["X-Forwarded-For"] == "$remote_addr" and forwarded["X-Forwarded-Proto"] == "$scheme"
    assert forwarded["Host"] == "$host"
    log_format = http.one("log_format")
    assert log_format.args[:2] == ["json", "escape=json"] and "$gateway_request_id" in "".join(log_format.args)
    assert http.one("access_log").args == ["/dev/stdout", "json"]
    assert http.all("client_max_body_size")

    zones = {args[1]: args for args in http.values("limit_req_zone")}
    assert zones["zone=api:10m"][2] == "rate=10r/s"
    assert https.location("/").one("limit_req").args == ["zone=api", "burst=20", "nodelay"]
    if BOT[level3[0]] is not None:
        webhook = next(loc for loc in https.all("location") if "webhook" in " ".join(loc.args))
        assert webhook.one("limit_req").args[0] == "zone=webhook"
        assert int(zones["zone=webhook:10m"][2].removeprefix("rate=").removesuffix("r/s")) < 10

    ws = https.location("/ws/")
    ws_headers = {args[0]: args[1] for args in ws.values("proxy_set_header")}
    assert ws_headers["Upgrade"] == "$http_upgrade" and ws_headers["Connection"] == "$connection_upgrade"
    assert ws_headers["X-Request-ID"] == "$gateway_request_id", "proxy_set_header in /ws/ replaces the server's"
    assert ws.one("proxy_read_timeout").args == ["1h"]

    health = https.location("=", "/health")
    assert health.one("return").args[0] == "200"
    assert not health.all("proxy_pass")


def test_compose_runs_the_gateway(level3: tuple[str, Path]) -> None:
    case, project = level3
    document = validate_compose(project, {})
    assert cross_reference_errors(project, document) == []
    gateway: dict[str, Any] = document["services"]["gateway"]
    assert gateway["image"] == "nginx:1.26.1-alpine"
    assert sorted(gateway["ports"]) == ["443:443", "80:80"]
    assert set(gateway["volumes"]) == {
        "./gateway/nginx.conf:/etc/nginx/nginx.conf:ro",
        "./gateway/upstreams.conf:/etc/nginx/upstreams.conf:ro",
        "./gateway/certs:/etc/nginx/certs:ro",
    }
    assert gateway["depends_on"] == {API[case]: {"condition": "service_healthy", "restart": True}}
    assert gateway["healthcheck"]["test"][0] == "CMD"
    makefile = (project / "Makefile").read_text()
    assert re.search(r"(?m)^up: certs$", makefile), "make up creates the development certificate first"
