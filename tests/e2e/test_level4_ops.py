"""Level 4's operations files, each checked with the real tool: the GitHub Actions workflows with actionlint (which
runs shellcheck on their scripts) and the bandit scan the CI workflow runs, the Kubernetes manifests with
kubernetes-validate against the Kubernetes JSON schemas (offline, strict), the PostgreSQL backup and restore scripts
with shellcheck and for real against the throwaway server of scripts/pg-server.sh, the ELK profile's filebeat.yml,
the alert rules' runbook links with promtool, and the ADRs and runbooks against the spec. Level 3 renders none of it.

Tools: actionlint from AMGEN_ACTIONLINT or .tools/bin/actionlint, shellcheck and promtool on PATH, kubernetes-validate
and bandit in the Python running the tests (all installed by scripts/install-deps.sh).
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import yaml

from compose_check import validate_compose
from generated_projects import GeneratedProject, Postgres, render_project
from harness import REPO_ROOT, Amgen, path_from_env

FIVE_KINDS_SPEC = REPO_ROOT / "examples" / "clinic-reminders" / "amgen.yaml"
CASES = ["five_kinds", "clinic"]
KUBERNETES_VERSION = "1.33.0"
K8S_MANIFESTS = [
    "namespace.yaml",
    "configmap.yaml",
    "secret.example.yaml",
    "deployments.yaml",
    "services.yaml",
    "hpa.yaml",
]
LEVEL4_PATHS = [
    ".github/workflows/ci.yml",
    ".github/workflows/cd.yml",
    "deploy/k8s/kustomization.yaml",
    *(f"deploy/k8s/{name}" for name in K8S_MANIFESTS),
    "scripts/backup-postgres.sh",
    "scripts/restore-postgres.sh",
    "observability/elk/filebeat.yml",
    "docs/adr/0001-architecture.md",
    "docs/adr/0002-data-ownership.md",
    "docs/runbooks/README.md",
    "docs/runbooks/service-down.md",
    "docs/runbooks/high-error-rate.md",
    "docs/runbooks/high-latency.md",
    "docs/runbooks/database-restore.md",
    "docs/runbooks/rotating-secrets.md",
]
# Where each kind of service declares its HTTP routes: FastAPI routers, the bot's aiohttp app, the worker's server.
ROUTE_PATTERNS = [r'@router\.get\("{path}"', r'\.router\.add_get\("{path}"', r'path == "{path}"']


def spec_for(case: str) -> Path:
    return FIVE_KINDS_SPEC if case == "five_kinds" else path_from_env("AMGEN_E2E_SPEC", "examples/clinic/amgen.yaml")


def render(amgen: Amgen, case: str, level: int, tmp_path_factory: pytest.TempPathFactory) -> GeneratedProject:
    spec = spec_for(case)
    name = str(yaml.safe_load(spec.read_text())["project"]["name"])
    return render_project(amgen, spec, name, level, tmp_path_factory, f"l4ops-{case}")


@pytest.fixture(scope="module", params=CASES)
def level4(request: pytest.FixtureRequest, amgen: Amgen, tmp_path_factory: pytest.TempPathFactory) -> GeneratedProject:
    return render(amgen, request.param, 4, tmp_path_factory)


@pytest.fixture(scope="module")
def five_kinds(amgen: Amgen, tmp_path_factory: pytest.TempPathFactory) -> GeneratedProject:
    return render(amgen, "five_kinds", 4, tmp_path_factory)


def tool(name: str, env_name: str | None = None, default: Path | None = None) -> str:
    configured = os.environ.get(env_name) if env_name else None
    candidates = [configured] if configured else [str(default)] if default else []
    for candidate in candidates:
        if Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return candidate
    found = shutil.which(name)
    if found is None:
        pytest.fail(f"{name} is not installed: run `bash scripts/install-deps.sh`", pytrace=False)
    return found


@pytest.fixture(scope="module")
def actionlint() -> str:
    return tool("actionlint", "AMGEN_ACTIONLINT", REPO_ROOT / ".tools" / "bin" / "actionlint")


@pytest.fixture(scope="module")
def shellcheck() -> str:
    return tool("shellcheck")


def run(
    *args: str, cwd: Path, env: dict[str, str] | None = None, timeout: int = 120
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        list(args),
        cwd=cwd,
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def outcome(result: subprocess.CompletedProcess[str]) -> str:
    return f"exit {result.returncode}\n--- stdout ---\n{result.stdout}\n--- stderr ---\n{result.stderr}"


def load(path: Path) -> Any:
    return yaml.safe_load(path.read_text())


def load_all(path: Path) -> list[dict[str, Any]]:
    return [document for document in yaml.safe_load_all(path.read_text()) if document]


def kebab(service: str) -> str:
    return service.replace("_", "-")


def kind_of(service: str) -> str:
    for kind in ("data_postgres", "data_mongo", "api", "worker", "bot"):
        if service.endswith(f"_{kind}"):
            return kind
    raise AssertionError(f"unknown service kind: {service}")


def modules_of_level(level: int) -> set[str]:
    features = load(REPO_ROOT / "templates" / "levels.yaml")["features"]
    return {name for feature in features if feature["since"] <= level for name in feature.get("modules", [])}


def has_module(project: GeneratedProject, module: str) -> bool:
    """Whether the project has `module`: from its services and events, or from a feature of its level that needs
    it (levels.yaml's `modules:`, e.g. level 4's accounts in Redis)."""
    spec = load(project.path / ".amgen" / "spec.yaml")
    kinds = {kind_of(service) for service in project.services}
    return module in modules_of_level(project.level) or {
        "rabbitmq": bool(spec.get("events")),
        "redis": bool(kinds & {"worker", "bot"}),
        "mongo": "data_mongo" in kinds,
    }[module]


# --- level 3 renders none of it -------------------------------------------------------------------------------------


def test_level_3_renders_none_of_the_operations_files(amgen: Amgen, tmp_path_factory: pytest.TempPathFactory) -> None:
    project = render(amgen, "five_kinds", 3, tmp_path_factory)
    present = [path for path in LEVEL4_PATHS if (project.path / path).exists()]
    assert present == []
    assert not (project.path / "docs").exists()
    compose = validate_compose(project.path, {})
    assert not {"elasticsearch", "kibana", "filebeat"} & set(compose["services"])
    assert "runbook_url" not in (project.path / "observability/prometheus/alerts.yml").read_text()
    assert "## Deploying" not in (project.path / "README.md").read_text()


def test_level_4_renders_every_operations_file(level4: GeneratedProject) -> None:
    missing = [path for path in LEVEL4_PATHS if not (level4.path / path).is_file()]
    assert missing == []
    readme = (level4.path / "README.md").read_text()
    assert "## Deploying" in readme
    assert "kubectl apply -k deploy/k8s" in readme


# --- GitHub Actions -------------------------------------------------------------------------------------------------


def test_actionlint_passes_on_the_workflows(level4: GeneratedProject, actionlint: str, shellcheck: str) -> None:
    workflows = sorted(str(path) for path in (level4.path / ".github" / "workflows").glob("*.yml"))
    assert [Path(path).name for path in workflows] == ["cd.yml", "ci.yml"]
    result = run(actionlint, "-shellcheck", shellcheck, "-no-color", *workflows, cwd=level4.path)
    assert result.returncode == 0, outcome(result)
    assert result.stdout == ""


def test_actionlint_rejects_a_broken_workflow(
    five_kinds: GeneratedProject, actionlint: str, shellcheck: str, tmp_path: Path
) -> None:
    ci = (five_kinds.path / ".github" / "workflows" / "ci.yml").read_text()
    broken = tmp_path / ".github" / "workflows" / "ci.yml"
    broken.parent.mkdir(parents=True)
    broken.write_text(
        ci.replace("${{ env.PYTHON_VERSION }}", "${{ env.PYTHON_VERSION }}\n          pyhton-cache: pip", 1)
    )
    result = run(actionlint, "-shellcheck", shellcheck, "-no-color", str(broken), cwd=tmp_path)
    assert result.returncode == 1, outcome(result)
    assert "pyhton-cache" in result.stdout


def uses_of(workflow: dict[str, Any]) -> list[str]:
    return [step["uses"] for job in workflow["jobs"].values() for step in job.get("steps", []) if "uses" in step]


def test_ci_workflow_jobs_match_the_project(level4: GeneratedProject) -> None:
    ci = load(level4.path / ".github" / "workflows" / "ci.yml")
    jobs = ci["jobs"]
    assert set(jobs) == {"lint", "security", "test", "docker"}
    assert ci["concurrency"]["cancel-in-progress"] is True
    assert "github.ref" in ci["concurrency"]["group"]
    # Every action pinned to a released version, never a branch.
    for uses in uses_of(ci):
        assert re.fullmatch(r"[\w.-]+/[\w.-]+@v\d+(\.\d+){0,2}", uses), uses

    lint_runs = [step.get("run", "") for step in jobs["lint"]["steps"]]
    assert {"make install", "make lint", "make typecheck"} <= set(lint_runs)

    test = jobs["test"]
    expected = {"postgres"} | {
        name
        for name, module in [("rabbitmq", "rabbitmq"), ("redis", "redis"), ("mongo", "mongo")]
        if has_module(level4, module)
    }
    assert set(test["services"]) == expected
    expected_env = {"TEST_DATABASE_URL"} | {
        variable
        for variable, module in [("RABBITMQ_URL", "rabbitmq"), ("REDIS_URL", "redis"), ("MONGODB_URL", "mongo")]
        if has_module(level4, module)
    }
    assert set(test["env"]) == expected_env
    assert test["env"]["TEST_DATABASE_URL"].startswith("postgresql+asyncpg://")
    postgres = test["services"]["postgres"]
    database_url = urlsplit(test["env"]["TEST_DATABASE_URL"])
    assert database_url.path == f"/{postgres['env']['POSTGRES_DB']}"
    assert database_url.username == postgres["env"]["POSTGRES_USER"]
    assert database_url.password == postgres["env"]["POSTGRES_PASSWORD"]
    assert any(step.get("run") == "make install && make check" for step in test["steps"])
    for name, service in test["services"].items():
        assert "--health-cmd" in service["options"], name

    assert sorted(jobs["docker"]["strategy"]["matrix"]["service"]) == level4.services
    build = next(
        step for step in jobs["docker"]["steps"] if step.get("uses", "").startswith("docker/build-push-action@")
    )
    assert build["with"]["file"] == "services/${{ matrix.service }}/Dockerfile"
    for service in level4.services:
        assert (level4.path / "services" / service / "Dockerfile").is_file()


def test_the_bandit_scan_of_the_ci_workflow_passes(level4: GeneratedProject) -> None:
    ci = load(level4.path / ".github" / "workflows" / "ci.yml")
    steps = ci["jobs"]["security"]["steps"]
    install = next(step["run"] for step in steps if "pip install bandit" in step.get("run", ""))
    scan = next(step["run"] for step in steps if "-m bandit" in step.get("run", ""))
    pinned = re.search(r"bandit==([\d.]+)", install)
    assert pinned is not None
    requirements = (REPO_ROOT / "scripts" / "requirements-tools.txt").read_text()
    assert f"bandit=={pinned.group(1)}\n" in requirements, "the workflow's bandit must be the one the e2e runs"
    arguments = shlex.split(scan)
    assert arguments[:3] == ["python", "-m", "bandit"]
    assert {"shared", *(f"services/{service}/src" for service in level4.services)} <= set(arguments)
    result = run(sys.executable, *arguments[1:], "--quiet", cwd=level4.path, timeout=300)
    assert result.returncode == 0, outcome(result)


def test_cd_workflow_pushes_every_image_and_deploys_behind_an_environment(level4: GeneratedProject) -> None:
    cd = load(level4.path / ".github" / "workflows" / "cd.yml")
    # PyYAML reads the `on:` key as the boolean True.
    trigger = cd[True]
    assert trigger["push"]["tags"] == ["v*.*.*"]
    images, deploy = cd["jobs"]["images"], cd["jobs"]["deploy"]
    assert images["permissions"]["packages"] == "write"
    matrix = images["strategy"]["matrix"]["include"]
    assert sorted(matrix, key=lambda entry: entry["service"]) == [
        {"service": service, "image": kebab(service)} for service in level4.services
    ]
    build = next(step for step in images["steps"] if step.get("uses", "").startswith("docker/build-push-action@"))
    assert build["with"]["push"] is True
    assert build["with"]["file"] == "services/${{ matrix.service }}/Dockerfile"
    meta = next(step for step in images["steps"] if step.get("uses", "").startswith("docker/metadata-action@"))
    assert meta["with"]["images"].startswith("ghcr.io/")
    assert deploy["needs"] == "images"
    assert deploy["environment"]["name"] == "production"
    script = "\n".join(step.get("run", "") for step in deploy["steps"])
    assert "kubectl apply -k deploy/k8s" in script
    for service in level4.services:
        assert f"rollout status deployment/{kebab(service)}" in script
        assert f"name: {kebab(service)}, newName: $prefix/{kebab(service)}" in script
    for uses in uses_of(cd):
        assert re.fullmatch(r"[\w.-]+/[\w.-]+@v\d+(\.\d+){0,2}", uses), uses
    # Every key of the Secret template is written by the deploy job from the environment's secrets.
    secret = load(level4.path / "deploy" / "k8s" / "secret.example.yaml")
    for key in secret["stringData"]:
        assert f'--from-literal={key}="${key}"' in script
        assert f"${{{{ secrets.{key} }}}}" in (level4.path / ".github" / "workflows" / "cd.yml").read_text()


# --- Kubernetes -----------------------------------------------------------------------------------------------------


def kubernetes_validate(*files: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    script = "import sys; from kubernetes_validate.__main__ import main; sys.exit(main())"
    return run(sys.executable, "-c", script, "--strict", "-k", KUBERNETES_VERSION, *files, cwd=cwd, timeout=300)


def test_kubernetes_manifests_are_valid_against_the_schemas(level4: GeneratedProject) -> None:
    k8s = level4.path / "deploy" / "k8s"
    result = kubernetes_validate(*K8S_MANIFESTS, cwd=k8s)
    assert result.returncode == 0, outcome(result)
    documents = sum(len(load_all(k8s / name)) for name in K8S_MANIFESTS)
    assert result.stdout.count(" passed for resource ") == documents


def test_kubernetes_validate_rejects_an_unknown_field(five_kinds: GeneratedProject, tmp_path: Path) -> None:
    deployments = (five_kinds.path / "deploy" / "k8s" / "deployments.yaml").read_text()
    (tmp_path / "deployments.yaml").write_text(deployments.replace("readOnlyRootFilesystem:", "readOnlyRootFs:", 1))
    result = kubernetes_validate("deployments.yaml", cwd=tmp_path)
    assert result.returncode != 0, outcome(result)
    assert "readOnlyRootFs" in result.stdout + result.stderr


def test_kustomization_applies_every_manifest_but_the_secret_template(level4: GeneratedProject) -> None:
    k8s = level4.path / "deploy" / "k8s"
    kustomization = load(k8s / "kustomization.yaml")
    assert kustomization["kind"] == "Kustomization"
    assert sorted(kustomization["resources"]) == sorted(set(K8S_MANIFESTS) - {"secret.example.yaml"})
    namespace = load(k8s / "namespace.yaml")
    assert kustomization["namespace"] == namespace["metadata"]["name"]
    assert "images" not in kustomization, "the CD workflow appends the images list"


def routes_of(project: GeneratedProject, service: str, path: str) -> bool:
    sources = "\n".join(file.read_text() for file in (project.path / "services" / service / "src").rglob("*.py"))
    return any(re.search(pattern.format(path=re.escape(path)), sources) for pattern in ROUTE_PATTERNS)


def test_every_service_has_a_deployment_with_probes_it_serves(level4: GeneratedProject) -> None:
    k8s = level4.path / "deploy" / "k8s"
    deployments = {d["metadata"]["name"]: d for d in load_all(k8s / "deployments.yaml")}
    assert sorted(deployments) == sorted(kebab(service) for service in level4.services)
    config_map = load(k8s / "configmap.yaml")["metadata"]["name"]
    secret_keys = set(load(k8s / "secret.example.yaml")["stringData"])
    secret_name = load(k8s / "secret.example.yaml")["metadata"]["name"]
    for service in level4.services:
        deployment = deployments[kebab(service)]
        pod = deployment["spec"]["template"]["spec"]
        assert (
            deployment["spec"]["selector"]["matchLabels"].items()
            <= deployment["spec"]["template"]["metadata"]["labels"].items()
        )
        (container,) = pod["containers"]
        dockerfile = (level4.path / "services" / service / "Dockerfile").read_text()
        assert "EXPOSE 8000" in dockerfile
        assert container["ports"] == [{"name": "http", "containerPort": 8000, "protocol": "TCP"}]
        assert "--uid 1000" in dockerfile and pod["securityContext"]["runAsUser"] == 1000
        assert pod["securityContext"]["runAsNonRoot"] is True
        assert container["securityContext"]["readOnlyRootFilesystem"] is True
        assert container["securityContext"]["allowPrivilegeEscalation"] is False
        assert {"cpu", "memory"} <= set(container["resources"]["requests"]) & set(container["resources"]["limits"])
        probes = {kind: container[kind]["httpGet"] for kind in ("startupProbe", "livenessProbe", "readinessProbe")}
        assert probes["livenessProbe"]["path"] == "/health"
        assert probes["readinessProbe"]["path"] == "/ready"
        for kind, probe in probes.items():
            assert probe["port"] == "http", (service, kind)
            assert routes_of(level4, service, probe["path"]), f"{service} serves no {probe['path']} for its {kind}"
        assert container["envFrom"] == [{"configMapRef": {"name": config_map}}]
        for variable in container.get("env", []):
            reference = variable.get("valueFrom", {}).get("secretKeyRef")
            if reference:
                assert reference["name"] == secret_name and reference["key"] in secret_keys, (service, variable)


def test_services_and_autoscalers_target_the_deployments(level4: GeneratedProject) -> None:
    k8s = level4.path / "deploy" / "k8s"
    deployments = {d["metadata"]["name"]: d for d in load_all(k8s / "deployments.yaml")}
    services = {s["metadata"]["name"]: s for s in load_all(k8s / "services.yaml")}
    autoscalers = {h["metadata"]["name"]: h for h in load_all(k8s / "hpa.yaml")}
    http_called = [kebab(s) for s in level4.services if kind_of(s) != "worker"]
    assert sorted(services) == sorted(http_called)
    for name, service in services.items():
        pod_labels = deployments[name]["spec"]["template"]["metadata"]["labels"]
        assert service["spec"]["selector"].items() <= pod_labels.items()
        assert service["spec"]["ports"][0]["targetPort"] == "http"
    stateless = [kebab(s) for s in level4.services if kind_of(s) != "bot"]
    assert sorted(autoscalers) == sorted(stateless)
    for name, autoscaler in autoscalers.items():
        assert autoscaler["apiVersion"] == "autoscaling/v2"
        assert autoscaler["spec"]["scaleTargetRef"] == {"apiVersion": "apps/v1", "kind": "Deployment", "name": name}
    # Every service URL a Deployment is given is a Service, on the port it listens on, and each API, worker and bot
    # is given the URL of every service it calls.
    for service in level4.services:
        (container,) = deployments[kebab(service)]["spec"]["template"]["spec"]["containers"]
        urls = {v["name"]: v["value"] for v in container.get("env", []) if v.get("value", "").startswith("http://")}
        for url in urls.values():
            parts = urlsplit(url)
            assert parts.hostname in services, (service, url)
            assert parts.port == services[parts.hostname]["spec"]["ports"][0]["port"], (service, url)
        called = {s for s in level4.services if kind_of(s).startswith("data_")} if kind_of(service) == "api" else set()
        if kind_of(service) in {"worker", "bot"}:
            called = {s for s in level4.services if kind_of(s) == "api"}
        assert {f"{s.upper()}_URL" for s in called} <= set(urls), service
        assert {urlsplit(urls[f"{s.upper()}_URL"]).hostname for s in called} == {kebab(s) for s in called}


# --- Backups --------------------------------------------------------------------------------------------------------


def test_backup_scripts_pass_shellcheck(level4: GeneratedProject, shellcheck: str) -> None:
    result = run(shellcheck, "scripts/backup-postgres.sh", "scripts/restore-postgres.sh", cwd=level4.path)
    assert result.returncode == 0, outcome(result)


def superuser_url(postgres: Postgres, database: str) -> str:
    parts = urlsplit(postgres.url)
    return f"postgresql://postgres@{parts.hostname}:{parts.port}/{database}"


def psql(url: str, sql: str) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PG")}
    result = subprocess.run(
        ["psql", "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1", "-d", url, "-c", sql],
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, f"psql failed: {sql}\n{outcome(result)}"
    return result.stdout.strip()


def test_backup_and_restore_round_trip_on_a_real_postgresql(
    five_kinds: GeneratedProject, postgres: Postgres, tmp_path: Path
) -> None:
    probe = postgres.query("SELECT 1")
    if probe.returncode != 0:
        pytest.fail(
            f"PostgreSQL is not reachable at {postgres.url} (start it with `bash scripts/pg-server.sh start`): "
            f"{probe.stderr.strip()}",
            pytrace=False,
        )
    source, restored = f"l4ops_backup_{os.getpid()}", f"l4ops_backup_{os.getpid()}_restored"
    admin = superuser_url(postgres, "postgres")
    for database in (source, restored):
        psql(admin, f"DROP DATABASE IF EXISTS {database}")
    psql(admin, f"CREATE DATABASE {source}")
    try:
        source_url = superuser_url(postgres, source)
        psql(source_url, "CREATE TABLE patients (id serial PRIMARY KEY, full_name text NOT NULL)")
        psql(source_url, "INSERT INTO patients (full_name) SELECT 'patient ' || n FROM generate_series(1, 25) AS n")
        backups = tmp_path / "backups"
        backups.mkdir()
        # An old backup of this database goes with the retention, another database's is never touched.
        stale, foreign = backups / f"{source}-20000101T000000Z.dump", backups / "other-20000101T000000Z.dump"
        for old in (stale, foreign):
            old.write_bytes(b"old")
            month_ago = time.time() - 30 * 86400
            os.utime(old, (month_ago, month_ago))
        env = {k: v for k, v in os.environ.items() if not k.startswith("PG")}
        # The data service's own URL form, with the SQLAlchemy driver.
        env["DATABASE_URL"] = source_url.replace("postgresql://", "postgresql+asyncpg://")

        backup = run("bash", "scripts/backup-postgres.sh", "-d", str(backups), "-r", "7", cwd=five_kinds.path, env=env)
        assert backup.returncode == 0, outcome(backup)
        dump = Path(backup.stdout.strip())
        assert re.fullmatch(rf"{source}-\d{{8}}T\d{{6}}Z\.dump", dump.name), dump
        assert dump.read_bytes()[:5] == b"PGDMP", "not a pg_dump custom-format archive"
        assert not stale.exists() and foreign.exists()
        assert list(backups.glob("*.partial")) == []

        psql(source_url, "DROP TABLE patients")
        refused = run("bash", "scripts/restore-postgres.sh", str(dump), source, cwd=five_kinds.path, env=env)
        assert refused.returncode == 1 and "--force" in refused.stderr, outcome(refused)
        forced = run("bash", "scripts/restore-postgres.sh", "--force", str(dump), source, cwd=five_kinds.path, env=env)
        assert forced.returncode == 0, outcome(forced)
        assert psql(source_url, "SELECT count(*), max(full_name) FROM patients") == "25|patient 9"

        into_new = run("bash", "scripts/restore-postgres.sh", str(dump), restored, cwd=five_kinds.path, env=env)
        assert into_new.returncode == 0, outcome(into_new)
        assert f"created database {restored}" in into_new.stderr
        assert psql(superuser_url(postgres, restored), "SELECT count(*) FROM patients") == "25"

        usage = run("bash", "scripts/restore-postgres.sh", str(dump), cwd=five_kinds.path, env=env)
        assert usage.returncode == 2 and "usage" in usage.stderr.lower() + usage.stderr, outcome(usage)
    finally:
        for database in (source, restored):
            psql(admin, f"DROP DATABASE IF EXISTS {database}")


# --- ELK ------------------------------------------------------------------------------------------------------------


def test_elk_profile_and_filebeat_config(level4: GeneratedProject) -> None:
    compose = validate_compose(level4.path, {})
    elk = {name: compose["services"][name] for name in ("elasticsearch", "kibana", "filebeat")}
    for name, service in elk.items():
        assert service["profiles"] == ["elk"], name
    assert all("profiles" not in compose["services"][service] for service in level4.services)
    mounts = [
        volume["source"] if isinstance(volume, dict) else volume.split(":")[0] for volume in elk["filebeat"]["volumes"]
    ]
    assert any(str(source).endswith("observability/elk/filebeat.yml") for source in mounts)

    filebeat = load(level4.path / "observability" / "elk" / "filebeat.yml")
    (provider,) = filebeat["filebeat.autodiscover"]["providers"]
    assert provider["type"] == "docker"
    (template,) = provider["templates"]
    project_condition, services_condition = template["condition"]["and"]
    assert project_condition["equals"]["docker.container.labels.com_docker_compose_project"] == compose["name"]
    shipped = [c["equals"]["docker.container.labels.com_docker_compose_service"] for c in services_condition["or"]]
    assert sorted(shipped) == level4.services
    (input_config,) = template["config"]
    assert input_config["type"] == "container"
    decode = next(p["decode_json_fields"] for p in filebeat["processors"] if "decode_json_fields" in p)
    assert decode["fields"] == ["message"]
    (host,) = filebeat["output.elasticsearch"]["hosts"]
    parts = urlsplit(host)
    assert parts.hostname == "elasticsearch" and parts.port == 9200


# --- Runbooks and ADRs ----------------------------------------------------------------------------------------------


def alerts_of(project: GeneratedProject) -> list[dict[str, Any]]:
    rules = load(project.path / "observability" / "prometheus" / "alerts.yml")
    return [rule for group in rules["groups"] for rule in group["rules"]]


def test_every_alert_links_a_runbook_that_covers_it(level4: GeneratedProject) -> None:
    alerts = alerts_of(level4)
    assert alerts
    index = (level4.path / "docs" / "runbooks" / "README.md").read_text()
    for alert in alerts:
        link = alert["annotations"].get("runbook_url")
        assert link, f"{alert['alert']} has no runbook_url"
        runbook = level4.path / link
        assert runbook.is_file(), f"{alert['alert']} links the missing {link}"
        assert f"`{alert['alert']}`" in runbook.read_text()
        assert f"`{alert['alert']}` | [{runbook.name}]({runbook.name})" in index
    linked = {alert["annotations"]["runbook_url"] for alert in alerts}
    alert_runbooks = {f"docs/runbooks/{p.name}" for p in (level4.path / "docs" / "runbooks").glob("*.md")} - {
        "docs/runbooks/README.md",
        "docs/runbooks/database-restore.md",
        "docs/runbooks/rotating-secrets.md",
    }
    assert alert_runbooks == linked, "a runbook for an alert the project does not have"


def test_promtool_checks_and_tests_the_rules_with_runbook_links(level4: GeneratedProject) -> None:
    promtool = tool("promtool")
    prometheus = level4.path / "observability" / "prometheus"
    for args in (("check", "rules", "alerts.yml"), ("test", "rules", "alerts.test.yml")):
        result = run(promtool, *args, cwd=prometheus)
        assert result.returncode == 0, outcome(result)
    assert "runbook_url" in (prometheus / "alerts.test.yml").read_text()


def test_runbooks_and_adrs_are_written_from_the_spec(level4: GeneratedProject) -> None:
    spec = load(level4.path / ".amgen" / "spec.yaml")
    docs = level4.path / "docs"
    architecture = (docs / "adr" / "0001-architecture.md").read_text()
    for service in level4.services:
        assert f"`{service}`" in architecture
    ownership = (docs / "adr" / "0002-data-ownership.md").read_text()
    for entity in spec["entities"]:
        assert f"| `{entity}` |" in ownership
    messaging = docs / "adr" / "0003-messaging.md"
    assert messaging.is_file() == bool(spec.get("events"))
    if messaging.is_file():
        text = messaging.read_text()
        for event in spec["events"]:
            assert f"`{event}`" in text
    restore = (docs / "runbooks" / "database-restore.md").read_text()
    assert "scripts/backup-postgres.sh" in restore and "scripts/restore-postgres.sh" in restore
    data_service = next(s for s in level4.services if kind_of(s) == "data_postgres")
    assert f"deployment/{kebab(data_service)}" in restore
    rotating = (docs / "runbooks" / "rotating-secrets.md").read_text()
    for key in load(docs.parent / "deploy" / "k8s" / "secret.example.yaml")["stringData"]:
        assert f"`{key}`" in rotating
    for runbook in (docs / "runbooks").glob("*.md"):
        text = runbook.read_text()
        assert "{{" not in text and "<%" not in text, runbook.name
        assert not re.search(r"\b(TODO|lorem|TBD)\b", text, re.IGNORECASE), runbook.name
