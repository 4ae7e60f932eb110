"""Level 3's observability stack: the Prometheus configuration, alert rules and their unit tests, and the Grafana
provisioning and dashboard amgen renders next to docker-compose.yml. The real promtool (Debian's `prometheus`
package, see scripts/install-deps.sh) checks the configuration and the rules and runs the rules' unit tests; every
metric an alert or a panel queries must be one the rendered services define (read from their prometheus_client
constructors, so nothing heavy starts); level 2 renders none of it.
"""

from __future__ import annotations

import ast
import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from compose_check import validate_compose
from generated_projects import GeneratedProject, render_project
from harness import Amgen, path_from_env

FIVE_KINDS_SPEC = Path(__file__).resolve().parents[2] / "examples" / "clinic-reminders" / "amgen.yaml"
OBSERVABILITY_FILES = [
    "observability/prometheus/prometheus.yml",
    "observability/prometheus/alerts.yml",
    "observability/prometheus/alerts.test.yml",
    "observability/grafana/provisioning/datasources/prometheus.yml",
    "observability/grafana/provisioning/dashboards/dashboards.yml",
    "observability/grafana/dashboards/services.json",
]
# Level 3 of the five-kinds spec (every service kind) and of the plain clinic (no worker, no bot: their rules and
# panels must be left out, or they would query metrics nothing exposes).
CASES = ["five_kinds", "clinic"]


def spec_for(case: str) -> Path:
    return FIVE_KINDS_SPEC if case == "five_kinds" else path_from_env("AMGEN_E2E_SPEC", "examples/clinic/amgen.yaml")


def render(amgen: Amgen, case: str, level: int, tmp_path_factory: pytest.TempPathFactory) -> GeneratedProject:
    spec = spec_for(case)
    name = str(yaml.safe_load(spec.read_text())["project"]["name"])
    return render_project(amgen, spec, name, level, tmp_path_factory, f"observability-{case}")


@pytest.fixture(scope="module", params=CASES)
def level3(request: pytest.FixtureRequest, amgen: Amgen, tmp_path_factory: pytest.TempPathFactory) -> GeneratedProject:
    return render(amgen, request.param, 3, tmp_path_factory)


@pytest.fixture(scope="module")
def five_kinds_level3(amgen: Amgen, tmp_path_factory: pytest.TempPathFactory) -> GeneratedProject:
    return render(amgen, "five_kinds", 3, tmp_path_factory)


@pytest.fixture(scope="module")
def promtool() -> str:
    found = shutil.which("promtool")
    if found is None:
        pytest.fail("promtool is not installed: run `bash scripts/install-deps.sh` (Debian package prometheus)")
    return found


def run_promtool(promtool: str, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [promtool, *args], cwd=cwd, stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=120, check=False
    )


def outcome(result: subprocess.CompletedProcess[str]) -> str:
    return f"exit {result.returncode}\n--- stdout ---\n{result.stdout}\n--- stderr ---\n{result.stderr}"


def load_yaml(path: Path) -> Any:
    return yaml.safe_load(path.read_text())


# --- PromQL metric names and the metrics the services define


PROMQL_KEYWORDS = {
    *("by", "without", "on", "ignoring", "group_left", "group_right"),
    *("and", "or", "unless", "atan2", "bool", "offset", "inf", "nan"),
}
_STRING = re.compile(r'"(?:[^"\\]|\\.)*"|\'(?:[^\'\\]|\\.)*\'|`[^`]*`')
_MATCHERS = re.compile(r"\{[^{}]*\}")
_RANGE = re.compile(r"\[[^\[\]]*\]")
_GROUPING = re.compile(r"\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^()]*\)")
# An identifier not glued to a number (0.95, 1e3) or another name, and whether a call's parenthesis follows it.
_IDENTIFIER = re.compile(r"(?<![\w.:$])([A-Za-z_:][\w:]*)(\s*\()?")


def metric_names(expr: str) -> set[str]:
    """The metric names a PromQL expression selects: not functions or aggregations (a name called with `(`),
    label names (inside `{...}` or a by/without/on/ignoring list), string values, durations, numbers or keywords."""
    text = _STRING.sub(" ", expr)
    text = _MATCHERS.sub(" ", text)
    text = _RANGE.sub(" ", text)
    text = _GROUPING.sub(" ", text)
    names: set[str] = set()
    for match in _IDENTIFIER.finditer(text):
        name, called = match.group(1), match.group(2)
        if called is None and name.lower() not in PROMQL_KEYWORDS:
            names.add(name)
    return names


PROMETHEUS_CLIENT_TYPES = {"Counter", "Gauge", "Histogram", "Summary", "Info", "Enum"}


def exposed_series(kind: str, name: str) -> set[str]:
    """The series names prometheus_client exposes for a metric declared as `kind(name, ...)`."""
    if kind == "Counter":
        base = name.removesuffix("_total")
        return {f"{base}_total", f"{base}_created"}
    if kind == "Histogram":
        return {f"{name}_bucket", f"{name}_sum", f"{name}_count", f"{name}_created"}
    if kind == "Summary":
        return {name, f"{name}_sum", f"{name}_count", f"{name}_created"}
    if kind == "Info":
        return {f"{name}_info"}
    return {name}


def declared_metrics(source: str) -> set[str]:
    """Series of every prometheus_client Counter/Gauge/Histogram/Summary/Info/Enum constructed in a Python module,
    whether imported by name, under an alias (`Counter as PrometheusCounter`) or used as `prometheus_client.X`."""
    tree = ast.parse(source)
    aliases: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module == "prometheus_client":
            for alias in node.names:
                if alias.name in PROMETHEUS_CLIENT_TYPES:
                    aliases[alias.asname or alias.name] = alias.name
    names: set[str] = set()
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        kind = None
        if isinstance(func, ast.Name):
            kind = aliases.get(func.id)
        elif (
            isinstance(func, ast.Attribute)
            and isinstance(func.value, ast.Name)
            and func.value.id == "prometheus_client"
            and func.attr in PROMETHEUS_CLIENT_TYPES
        ):
            kind = func.attr
        if kind is None:
            continue
        first = node.args[0] if node.args else next((k.value for k in node.keywords if k.arg == "name"), None)
        assert isinstance(first, ast.Constant) and isinstance(first.value, str), (
            f"a {kind} whose name is not a string literal: {ast.unparse(node)}"
        )
        names |= exposed_series(kind, first.value)
    return names


def metrics_the_services_expose(project: GeneratedProject) -> set[str]:
    """Prometheus's own `up` plus every series the rendered application code (not its tests) defines."""
    exposed = {"up"}
    for path in sorted(project.path.rglob("*.py")):
        if "tests" in path.relative_to(project.path).parts:
            continue
        exposed |= declared_metrics(path.read_text())
    return exposed


def alert_rules(project: GeneratedProject) -> list[dict[str, Any]]:
    document = load_yaml(project.path / "observability/prometheus/alerts.yml")
    return [rule for group in document["groups"] for rule in group["rules"]]


def dashboard(project: GeneratedProject) -> dict[str, Any]:
    path = project.path / "observability/grafana/dashboards/services.json"
    try:
        loaded: dict[str, Any] = json.loads(path.read_text())
    except json.JSONDecodeError as error:
        pytest.fail(f"{path} is not valid JSON: {error}", pytrace=False)
    return loaded


def dashboard_targets(board: dict[str, Any]) -> list[dict[str, Any]]:
    return [target for panel in board["panels"] for target in panel.get("targets", [])]


# --- level 2 has none of it


def test_level_2_renders_no_observability(amgen: Amgen, tmp_path_factory: pytest.TempPathFactory) -> None:
    project = render(amgen, "five_kinds", 2, tmp_path_factory)
    assert not (project.path / "observability").exists()
    assert [f for f in OBSERVABILITY_FILES if (project.path / f).exists()] == []
    services = validate_compose(project.path, {})["services"]
    assert not {"prometheus", "grafana"} & set(services)
    assert "prometheus_data" not in (validate_compose(project.path, {}).get("volumes") or {})
    assert "GRAFANA_ADMIN_PASSWORD" not in (project.path / ".env.example").read_text()


# --- level 3


def test_level_3_renders_every_observability_file(level3: GeneratedProject) -> None:
    assert [f for f in OBSERVABILITY_FILES if not (level3.path / f).is_file()] == []


def test_prometheus_config_passes_promtool_and_scrapes_every_service(level3: GeneratedProject, promtool: str) -> None:
    folder = level3.path / "observability/prometheus"
    result = run_promtool(promtool, "check", "config", "prometheus.yml", cwd=folder)
    assert result.returncode == 0, outcome(result)
    assert "SUCCESS" in result.stdout
    config = load_yaml(folder / "prometheus.yml")
    assert config["rule_files"] == ["alerts.yml"]
    assert {"scrape_interval", "evaluation_interval"} <= set(config["global"])
    jobs = {job["job_name"]: job for job in config["scrape_configs"]}
    assert sorted(jobs) == level3.services
    for service, job in jobs.items():
        assert job.get("metrics_path", "/metrics") == "/metrics"
        assert [target for static in job["static_configs"] for target in static["targets"]] == [f"{service}:8000"]


def test_alert_rules_pass_promtool(level3: GeneratedProject, promtool: str) -> None:
    result = run_promtool(promtool, "check", "rules", "alerts.yml", cwd=level3.path / "observability/prometheus")
    assert result.returncode == 0, outcome(result)
    alerts = {rule["alert"] for rule in alert_rules(level3)}
    assert {"ServiceDown", "HighHttpErrorRatio", "HighHttpLatencyP95"} <= alerts
    has_worker = any("worker" in service for service in level3.services)
    has_bot = any("bot" in service for service in level3.services)
    assert ("WorkerMessagesDeadLettered" in alerts) == has_worker
    assert ("BotUpdateErrors" in alerts) == has_bot


def test_alert_unit_tests_pass_and_an_alert_really_fires(
    level3: GeneratedProject, promtool: str, tmp_path: Path
) -> None:
    folder = level3.path / "observability/prometheus"
    result = run_promtool(promtool, "test", "rules", "alerts.test.yml", cwd=folder)
    assert result.returncode == 0, outcome(result)
    assert "SUCCESS" in result.stdout
    document = load_yaml(folder / "alerts.test.yml")
    cases = [case for test in document["tests"] for case in test["alert_rule_test"]]
    firing = [case for case in cases if case.get("exp_alerts")]
    silent = [case for case in cases if not case.get("exp_alerts")]
    assert firing, "no unit test expects an alert to fire"
    assert silent, "no unit test expects an alert to stay silent"
    assert {"ServiceDown", "HighHttpErrorRatio"} <= {case["alertname"] for case in firing}
    for case in firing:
        for alert in case["exp_alerts"]:
            assert {"severity", "job"} <= set(alert["exp_labels"]), case
            assert alert["exp_annotations"]["summary"], case
    # The expectations are not vacuous: claiming that nothing fires makes promtool fail.
    shutil.copy(folder / "alerts.yml", tmp_path / "alerts.yml")
    for test in document["tests"]:
        for case in test["alert_rule_test"]:
            case["exp_alerts"] = []
    (tmp_path / "alerts.test.yml").write_text(yaml.safe_dump(document, sort_keys=False))
    silenced = run_promtool(promtool, "test", "rules", "alerts.test.yml", cwd=tmp_path)
    assert silenced.returncode != 0, outcome(silenced)


def test_grafana_provisioning_points_at_prometheus_and_the_dashboards(level3: GeneratedProject) -> None:
    grafana = level3.path / "observability/grafana"
    (datasource,) = load_yaml(grafana / "provisioning/datasources/prometheus.yml")["datasources"]
    assert datasource["type"] == "prometheus"
    assert datasource["url"] == "http://prometheus:9090"
    (provider,) = load_yaml(grafana / "provisioning/dashboards/dashboards.yml")["providers"]
    assert provider["type"] == "file"
    board = dashboard(level3)
    ids = [panel["id"] for panel in board["panels"]]
    assert len(ids) == len(set(ids)), f"duplicate panel ids {ids}"
    assert board["uid"] and board["title"]
    targets = dashboard_targets(board)
    assert targets
    for target in targets:
        assert target["datasource"] == {"type": "prometheus", "uid": datasource["uid"]}
        assert target["expr"].strip()
    titles = {panel["title"] for panel in board["panels"]}
    assert {"Service health (up)", "Request rate", "Error rate (5xx share)", "Latency p95"} <= titles


def test_compose_runs_prometheus_and_grafana_with_health_checks(level3: GeneratedProject) -> None:
    document = validate_compose(level3.path, {})
    services, volumes = document["services"], document.get("volumes") or {}
    prometheus, grafana = services["prometheus"], services["grafana"]
    assert prometheus["image"] == "prom/prometheus:v2.53.0"
    assert grafana["image"] == "grafana/grafana:11.2.0"
    assert prometheus["healthcheck"]["test"][0] in {"CMD", "CMD-SHELL"}
    assert grafana["healthcheck"]["test"][0] in {"CMD", "CMD-SHELL"}
    assert grafana["depends_on"]["prometheus"]["condition"] == "service_healthy"
    assert {"prometheus_data", "grafana_data"} <= set(volumes)
    for service in (prometheus, grafana):
        for mount in service["volumes"]:
            source = mount.split(":", 1)[0]
            if source.startswith("./"):
                assert (level3.path / source).is_dir(), f"{mount}: nothing at {source}"


def test_every_queried_metric_is_one_the_services_expose(level3: GeneratedProject) -> None:
    exposed = metrics_the_services_expose(level3)
    assert {"http_requests_total", "http_request_duration_seconds_bucket"} <= exposed
    queried: dict[str, set[str]] = {}
    for rule in alert_rules(level3):
        queried[f"alert {rule['alert']}"] = metric_names(str(rule["expr"]))
    for panel in dashboard(level3)["panels"]:
        for target in panel.get("targets", []):
            queried.setdefault(f"panel {panel['title']}", set()).update(metric_names(target["expr"]))
    assert all(queried.values()), {where: names for where, names in queried.items() if not names}
    unknown = {where: sorted(names - exposed) for where, names in queried.items() if names - exposed}
    assert unknown == {}, f"queried metrics no service exposes (exposed: {sorted(exposed)})"


def test_five_kinds_alerts_and_dashboard_cover_workers_and_bots(five_kinds_level3: GeneratedProject) -> None:
    exposed = metrics_the_services_expose(five_kinds_level3)
    assert {
        "worker_messages_total",
        "worker_scheduled_runs_total",
        "bot_updates_total",
        "bot_update_duration_seconds_bucket",
        "bot_notifications_total",
    } <= exposed
    used_in_alerts = set().union(*(metric_names(str(rule["expr"])) for rule in alert_rules(five_kinds_level3)))
    used_in_panels = set().union(*(metric_names(t["expr"]) for t in dashboard_targets(dashboard(five_kinds_level3))))
    assert {
        "up",
        "http_requests_total",
        "http_request_duration_seconds_bucket",
        "worker_messages_total",
        "worker_scheduled_runs_total",
        "bot_updates_total",
    } <= used_in_alerts
    assert {
        "up",
        "http_requests_total",
        "http_request_errors_total",
        "http_request_duration_seconds_bucket",
        "worker_messages_total",
        "worker_scheduled_runs_total",
        "bot_updates_total",
        "bot_notifications_total",
    } <= used_in_panels


# --- the checker itself: an extractor that finds nothing proves nothing


@pytest.mark.parametrize(
    ("expr", "expected"),
    [
        ("up == 0", {"up"}),
        (
            'sum by (job) (rate(http_requests_total{status=~"5.."}[5m]))'
            " / sum by (job) (rate(http_requests_total[5m]))",
            {"http_requests_total"},
        ),
        (
            "histogram_quantile(0.95, sum by (job, le) (rate(x_seconds_bucket[$__rate_interval])))",
            {"x_seconds_bucket"},
        ),
        ("sum(rate(a_total[5m] offset 1h)) without (instance) > 1e3 and on(job) b", {"a_total", "b"}),
        ('label_replace(c, "dst", "$1", "src", "(.*)") unless ignoring(le) d{job="e"}', {"c", "d"}),
    ],
)
def test_metric_names_come_out_of_promql(expr: str, expected: set[str]) -> None:
    assert metric_names(expr) == expected


def test_declared_metrics_follow_prometheus_client_naming() -> None:
    source = """
from collections import Counter
from prometheus_client import Counter as PC, Histogram
import prometheus_client

a = PC("jobs", "Jobs.", ["queue"])
b = Histogram("took_seconds", "Took.")
c = prometheus_client.Gauge(name="depth", documentation="Depth.")
d = prometheus_client.Counter("sent_total", "Sent.")
e = Counter()
"""
    assert declared_metrics(source) == {
        "jobs_total",
        "jobs_created",
        "took_seconds_bucket",
        "took_seconds_sum",
        "took_seconds_count",
        "took_seconds_created",
        "depth",
        "sent_total",
        "sent_created",
    }
