"""Level 2's development tooling, file by file: Sentry in every service (a dependency, settings, the shared start-up
helper), bandit (a dev dependency, `make security` in `make check`, bandit.yaml) and pre-commit (a
.pre-commit-config.yaml that the real `pre-commit validate-config` accepts, whose hooks are local `make` targets of
the project, so no hook is downloaded). Level 1 has none of it: no file, no dependency, no Makefile target, not a
mention of Sentry. test_generated_project.py runs the hooks themselves and proves `make security` passes;
test_compose_file.py checks docker-compose.dev.yml and docker-compose.test.yml.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from generated_projects import LEVELS, GeneratedProject, render_project
from harness import Amgen, path_from_env

FIVE_KINDS_SPEC = Path(__file__).resolve().parents[2] / "examples" / "clinic-reminders" / "amgen.yaml"
CASES = [(case, level) for case in ("clinic", "five_kinds") for level in LEVELS]
SINCE = 2
HOOKS = {
    "ruff": "ruff-check",
    "ruff-format": "format-check",
    "mypy": "typecheck",
    "bandit": "security",
}
LEVEL_2_FILES = [
    ".pre-commit-config.yaml",
    "bandit.yaml",
    "shared/utils/sentry.py",
    "shared/web/sentry.py",
    "docker-compose.dev.yml",
    "docker-compose.test.yml",
    "Dockerfile.test",
]


def case_id(case: tuple[str, int]) -> str:
    return f"{case[0]}-level{case[1]}"


@pytest.fixture(scope="module", params=CASES, ids=case_id)
def project(request: pytest.FixtureRequest, amgen: Amgen, tmp_path_factory: pytest.TempPathFactory) -> GeneratedProject:
    case, level = request.param
    spec = FIVE_KINDS_SPEC if case == "five_kinds" else path_from_env("AMGEN_E2E_SPEC", "examples/clinic/amgen.yaml")
    name = str(yaml.safe_load(spec.read_text())["project"]["name"])
    return render_project(amgen, spec, name, level, tmp_path_factory, f"tooling-{case}")


def makefile_targets(project: GeneratedProject) -> set[str]:
    return set(re.findall(r"^([a-z][a-z0-9_-]*):", (project.path / "Makefile").read_text(), re.MULTILINE))


def check_prerequisites(project: GeneratedProject) -> list[str]:
    match = re.search(r"^check:(.*)$", (project.path / "Makefile").read_text(), re.MULTILINE)
    assert match, "the Makefile has no check target"
    return match.group(1).split()


def test_level_2_files_exist_from_level_2_only(project: GeneratedProject) -> None:
    present = [name for name in LEVEL_2_FILES if (project.path / name).is_file()]
    assert present == (LEVEL_2_FILES if project.level >= SINCE else [])


def test_level_1_mentions_no_sentry_bandit_or_pre_commit(project: GeneratedProject) -> None:
    if project.level >= SINCE:
        return
    mentions = [
        str(path.relative_to(project.path))
        for path in project.path.rglob("*")
        if path.is_file() and re.search(r"sentry|bandit|pre-commit", path.read_text(), re.IGNORECASE)
    ]
    assert mentions == []
    assert check_prerequisites(project) == ["lint", "typecheck", "test"]


def test_pre_commit_config_is_valid_and_runs_the_projects_make_targets(project: GeneratedProject) -> None:
    config = project.path / ".pre-commit-config.yaml"
    if project.level < SINCE:
        return
    result = subprocess.run(
        [sys.executable, "-m", "pre_commit", "validate-config", str(config)],
        capture_output=True,
        text=True,
        check=False,
        stdin=subprocess.DEVNULL,
        timeout=60,
    )
    assert result.returncode == 0, f"pre-commit validate-config rejected {config}:\n{result.stdout}{result.stderr}"
    (repo,) = yaml.safe_load(config.read_text())["repos"]
    assert repo["repo"] == "local", "a local repository needs no network"
    hooks = {hook["id"]: hook for hook in repo["hooks"]}
    assert set(hooks) == set(HOOKS)
    targets = makefile_targets(project)
    for hook_id, target in HOOKS.items():
        hook = hooks[hook_id]
        assert hook["language"] == "system", hook_id
        assert hook["entry"].split()[0] == "make" and hook["entry"].split()[-1] == target, hook_id
        assert target in targets, f"{hook_id} runs `make {target}`, which the Makefile does not define"


def test_bandit_is_part_of_make_check(project: GeneratedProject) -> None:
    if project.level < SINCE:
        return
    assert check_prerequisites(project) == ["lint", "typecheck", "security", "test"]
    makefile = (project.path / "Makefile").read_text()
    assert "$(BIN)/bandit -q -c bandit.yaml -r shared -ll" in makefile
    assert "$(BIN)/bandit -q -c ../../bandit.yaml -r src -ll" in makefile
    assert yaml.safe_load((project.path / "bandit.yaml").read_text()) == {"skips": []}


def test_every_service_has_sentry_and_its_dev_tools(project: GeneratedProject) -> None:
    if project.level < SINCE:
        return
    assert re.search(r"^SENTRY_DSN=$", (project.path / ".env.example").read_text(), re.MULTILINE)
    for service in project.services:
        root = project.path / "services" / service
        pyproject = (root / "pyproject.toml").read_text()
        assert '"sentry-sdk>=2.11.0"' in pyproject, service
        assert '"bandit>=1.8.0"' in pyproject, service
        assert '"pre-commit>=' in pyproject, service
        config = (root / "src" / "core" / "config.py").read_text()
        assert "sentry_dsn: str | None" in config, service
        assert "sentry_environment: str" in config, service
        assert "sentry_traces_sample_rate: float" in config, service
        main = (root / "src" / "main.py").read_text()
        helper = "init_sentry(" if service.endswith(("_worker", "_bot")) else "init_http_sentry("
        assert helper in main, f"{service} does not start Sentry with {helper}...)"
        assert list((root / "tests").rglob("test_sentry.py")), f"{service} has no Sentry test"
