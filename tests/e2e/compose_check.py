"""Checks a rendered docker-compose.yml the way `docker compose config` would, without Docker: interpolation of
`${VAR...}` as Compose does it, then the compose-spec package (a strict parser of the Compose Specification plus
Pydantic models generated from its JSON Schema), then the cross-references the schema cannot see.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml
from compose_spec import PyCompose

# ${NAME}, ${NAME:-default}, ${NAME-default}, ${NAME:?error}, ${NAME?error}, ${NAME:+alt}, ${NAME+alt}, $NAME, $$.
_VARIABLE = re.compile(r"\$(?:(?P<escaped>\$)|\{(?P<braced>[^{}]*)\}|(?P<named>[A-Za-z_][A-Za-z0-9_]*))")
_BRACED = re.compile(r"^(?P<name>[A-Za-z_][A-Za-z0-9_]*)(?:(?P<op>:-|-|:\?|\?|:\+|\+)(?P<arg>.*))?$", re.DOTALL)


class InterpolationError(ValueError):
    pass


def variables_in(text: str) -> set[str]:
    """Every variable name a Compose file refers to (escaped `$$` excluded)."""
    names: set[str] = set()
    for match in _VARIABLE.finditer(text):
        if match.group("named"):
            names.add(match.group("named"))
        elif match.group("braced") is not None:
            braced = _BRACED.match(match.group("braced"))
            if braced is None:
                raise InterpolationError(f"invalid interpolation ${{{match.group('braced')}}}")
            names.add(braced.group("name"))
    return names


def interpolate_string(value: str, env: Mapping[str, str]) -> str:
    def replace(match: re.Match[str]) -> str:
        if match.group("escaped"):
            return "$"
        if match.group("named"):
            return env.get(match.group("named"), "")
        braced = _BRACED.match(match.group("braced"))
        if braced is None:
            raise InterpolationError(f"invalid interpolation ${{{match.group('braced')}}}")
        name, op, arg = braced.group("name"), braced.group("op"), braced.group("arg") or ""
        is_set = name in env
        is_nonempty = bool(env.get(name))
        if op is None:
            return env.get(name, "")
        if op == ":-":
            return env[name] if is_nonempty else arg
        if op == "-":
            return env[name] if is_set else arg
        if op in (":?", "?"):
            if (op == ":?" and not is_nonempty) or (op == "?" and not is_set):
                raise InterpolationError(f"required variable {name} is missing: {arg}")
            return env[name]
        if op == ":+":
            return arg if is_nonempty else ""
        return arg if is_set else ""  # "+"

    return _VARIABLE.sub(replace, value)


def interpolate(node: Any, env: Mapping[str, str]) -> Any:
    """Compose interpolates scalar values (not keys) after parsing the YAML."""
    if isinstance(node, str):
        return interpolate_string(node, env)
    if isinstance(node, list):
        return [interpolate(item, env) for item in node]
    if isinstance(node, dict):
        return {key: interpolate(value, env) for key, value in node.items()}
    return node


def read_env_file(path: Path) -> dict[str, str]:
    """KEY=VALUE lines of a .env file; comments and blank lines skipped (values here carry no quotes)."""
    env: dict[str, str] = {}
    for line in path.read_text().splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        key, separator, value = stripped.partition("=")
        assert separator, f"{path}: not KEY=VALUE: {line!r}"
        env[key.strip()] = value.strip()
    return env


def validate_compose(project: Path, env: Mapping[str, str]) -> dict[str, Any]:
    """The interpolated document after the compose-spec parser and models accepted it; raises on any error."""
    raw = yaml.safe_load((project / "docker-compose.yml").read_text())
    assert isinstance(raw, dict), "docker-compose.yml is not a mapping"
    document: dict[str, Any] = interpolate(raw, env)
    compose = PyCompose.from_json(json.dumps(document))
    compose.to_spec()  # the Pydantic models of the Compose Specification
    return document


def cross_reference_errors(project: Path, document: Mapping[str, Any]) -> list[str]:
    """What a valid-by-schema file can still get wrong: dangling depends_on, waiting on a service that has no
    health check, a build without its Dockerfile, a named volume never declared, one host port used twice."""
    errors: list[str] = []
    services: Mapping[str, Any] = document.get("services") or {}
    volumes: Mapping[str, Any] = document.get("volumes") or {}
    host_ports: dict[str, str] = {}
    for name, service in services.items():
        build = service.get("build")
        if isinstance(build, dict):
            dockerfile = project / build.get("context", ".") / build.get("dockerfile", "Dockerfile")
            if not dockerfile.is_file():
                errors.append(f"{name}: no Dockerfile at {dockerfile.relative_to(project)}")
        depends_on = service.get("depends_on") or {}
        for target, condition in depends_on.items() if isinstance(depends_on, dict) else []:
            if target not in services:
                errors.append(f"{name}: depends on undefined service {target}")
            elif condition.get("condition") == "service_healthy" and not has_health_check(project, services[target]):
                errors.append(f"{name}: waits for {target} to be healthy, but {target} has no health check")
        for mount in service.get("volumes") or []:
            source = mount.split(":", 1)[0] if isinstance(mount, str) else mount.get("source", "")
            if source and not source.startswith((".", "/", "~")) and source not in volumes:
                errors.append(f"{name}: volume {source} is not declared under volumes:")
        for port in service.get("ports") or []:
            host = str(port).rsplit(":", 1)[0] if ":" in str(port) else ""
            if host:
                if host in host_ports:
                    errors.append(f"{name}: host port {host} is also published by {host_ports[host]}")
                host_ports[host] = name
    return errors


def has_health_check(project: Path, service: Mapping[str, Any]) -> bool:
    check = service.get("healthcheck")
    if isinstance(check, dict) and not check.get("disable"):
        return True
    build = service.get("build")
    if isinstance(build, dict):
        dockerfile = project / build.get("context", ".") / build.get("dockerfile", "Dockerfile")
        return (
            dockerfile.is_file()
            and re.search(r"^HEALTHCHECK\s+(?!NONE)", dockerfile.read_text(), re.MULTILINE) is not None
        )
    return False
