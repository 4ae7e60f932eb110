"""Names in Prometheus terms: the metric names a PromQL expression selects, the series a prometheus_client metric
declared in Python exposes, the series a live /metrics page offers, and the queries of the rendered alert rules and
Grafana dashboard. Shared by the static check (test_observability.py) and the live scrape (test_five_kinds.py).
"""

from __future__ import annotations

import ast
import json
import re
from typing import Any

import pytest
import yaml

from generated_projects import GeneratedProject

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
    document = yaml.safe_load((project.path / "observability/prometheus/alerts.yml").read_text())
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


def scraped_series(exposition: str) -> set[str]:
    """Every series a /metrics page (Prometheus text format) offers: the sample names, and for each family its
    `# TYPE` name with the suffixes of its type, so that a labelled metric no request has touched yet still counts."""
    series: set[str] = set()
    for line in exposition.splitlines():
        if line.startswith("# TYPE "):
            _, _, name, kind = line.split(maxsplit=3)
            series.add(name)
            if kind == "histogram":
                series |= {f"{name}_bucket", f"{name}_sum", f"{name}_count"}
            elif kind == "summary":
                series |= {f"{name}_sum", f"{name}_count"}
        elif line and not line.startswith("#"):
            series.add(re.split(r"[{\s]", line, maxsplit=1)[0])
    return series


def queried_metrics(project: GeneratedProject) -> dict[str, set[str]]:
    """Metric names per query of the alert rules and the dashboard panels, keyed by where the query is."""
    queries = {f"alert {rule['alert']}": rule["expr"] for rule in alert_rules(project)}
    for index, target in enumerate(dashboard_targets(dashboard(project))):
        queries[f"dashboard target {index} ({target.get('legendFormat', '')})"] = target["expr"]
    return {where: metric_names(expr) for where, expr in queries.items()}
