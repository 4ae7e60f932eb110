"""Level 3's observability stack: the Prometheus configuration, alert rules and their unit tests, and the Grafana
provisioning and dashboard amgen renders next to docker-compose.yml. The real promtool (Debian's `prometheus`
package, see scripts/install-deps.sh) checks the configuration and the rules and runs the rules' unit tests; every
metric an alert or a panel queries must be one the rendered services define (read from their prometheus_client
constructors, so nothing heavy starts); level 2 renders none of it.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from compose_check import validate_compose
from generated_projects import GeneratedProject, render_project
from harness import Amgen, path_from_env
from prometheus_names import (
    alert_rules,
    dashboard,
    dashboard_targets,
    declared_metrics,
    metric_names,
    metrics_the_services_expose,
)

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
