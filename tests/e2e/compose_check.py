"""Checks a rendered docker-compose.yml the way `docker compose config` would, without Docker: interpolation of
`${VAR...}` as Compose does it, then the compose-spec package (a strict parser of the Compose Specification plus
Pydantic models generated from its JSON Schema), then the cross-references the schema cannot see. Several files
(an override such as docker-compose.prod.yml) are merged first with Compose's rules, `!reset` and `!override` included.
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


class Reset:
    """`!reset` in an override file: the key is removed from the merged service (Compose 2.24+)."""


class Override:
    """`!override` in an override file: the value replaces the base one instead of merging with it."""

    def __init__(self, value: Any) -> None:
        self.value = value


class ComposeLoader(yaml.SafeLoader):
    """PyYAML's safe loader plus Compose's merge tags `!reset` and `!override`."""


def _reset(loader: yaml.SafeLoader, node: yaml.Node) -> Reset:
    return Reset()


def _override(loader: yaml.SafeLoader, node: yaml.Node) -> Override:
    if isinstance(node, yaml.SequenceNode):
        return Override(loader.construct_sequence(node, deep=True))
    if isinstance(node, yaml.MappingNode):
        return Override(loader.construct_mapping(node, deep=True))
    return Override(loader.construct_scalar(node))  # type: ignore[arg-type]


ComposeLoader.add_constructor("!reset", _reset)
ComposeLoader.add_constructor("!override", _override)

def strip_tags(node: Any) -> Any:
    """A value from an override file for a key the base does not have: tags only matter when merging."""
    if isinstance(node, Override):
        return strip_tags(node.value)
    if isinstance(node, dict):
        return {key: strip_tags(value) for key, value in node.items() if not isinstance(value, Reset)}
    if isinstance(node, list):
        return [strip_tags(item) for item in node]
    return node


def load_compose_file(path: Path, env: Mapping[str, str]) -> dict[str, Any]:
    """One Compose file, parsed with the merge tags and interpolated (Compose interpolates each file first)."""
    raw = yaml.load(path.read_text(), Loader=ComposeLoader)  # noqa: S506 - a SafeLoader subclass
    assert isinstance(raw, dict), f"{path.name} is not a mapping"
    return _interpolate_tagged(raw, env)


def _interpolate_tagged(node: Any, env: Mapping[str, str]) -> Any:
    if isinstance(node, Override):
        return Override(_interpolate_tagged(node.value, env))
    if isinstance(node, Reset):
        return node
    if isinstance(node, list):
        return [_interpolate_tagged(item, env) for item in node]
    if isinstance(node, dict):
        return {key: _interpolate_tagged(value, env) for key, value in node.items()}
    return interpolate(node, env)


def load_compose(project: Path, env: Mapping[str, str], file_name: str = "docker-compose.yml") -> dict[str, Any]:
    """A Compose file of the project, parsed and interpolated, its merge tags dropped; not validated."""
    document: dict[str, Any] = strip_tags(load_compose_file(project / file_name, env))
    return document


def validate_document(document: Mapping[str, Any]) -> None:
    """Raises unless the compose-spec parser and the Specification's Pydantic models accept the document."""
    compose = PyCompose.from_json(json.dumps(document))
    compose.to_spec()


def validate_compose(
    project: Path, env: Mapping[str, str], files: str | tuple[str, ...] = ("docker-compose.yml",)
) -> dict[str, Any]:
    """The interpolated document (the files merged in order, as `docker compose -f a -f b` does) after the
    compose-spec parser and models accepted it; raises on any error."""
    names = (files,) if isinstance(files, str) else files
    document = load_compose(project, env, names[0])
    for name in names[1:]:
        document = merge_compose(document, load_compose_file(project / name, env))
    validate_document(document)
    return document


# Compose's merge of `-f base -f override` (https://github.com/compose-spec/compose-spec/blob/main/13-merge.md):
# mappings merge key by key, these sequences are replaced whole, `volumes` of a service are unique by their target
# path (the override's mount wins), `ports` and the other sequences are appended to.
_REPLACED_SEQUENCES = {"command", "entrypoint", "test"}


def _volume_target(mount: Any) -> str:
    if isinstance(mount, dict):
        return str(mount.get("target", ""))
    parts = str(mount).split(":")
    return parts[1] if len(parts) > 1 else parts[0]


def merge_compose(base: Any, override: Any, key: str = "") -> Any:
    """The document `docker compose -f base -f override config` would work on (before its own validation):
    `!reset` removes a key, `!override` replaces a value instead of merging with it."""
    if isinstance(override, Override):
        return strip_tags(override.value)
    if isinstance(base, dict) and isinstance(override, dict):
        merged = dict(base)
        for name, value in override.items():
            if isinstance(value, Reset):
                merged.pop(name, None)
            elif name in merged:
                merged[name] = merge_compose(merged[name], value, name)
            else:
                merged[name] = strip_tags(value)
        return merged
    if isinstance(base, list) and isinstance(override, list) and key not in _REPLACED_SEQUENCES:
        override = strip_tags(override)
        if key == "volumes":
            targets = {_volume_target(mount) for mount in override}
            return [mount for mount in base if _volume_target(mount) not in targets] + override
        return base + [item for item in override if item not in base]
    return strip_tags(override)


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
