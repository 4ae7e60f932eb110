"""The reference systems in examples/: telemedicine (level 2) and p2p-lending (level 4). Each has the request a person
would write (idea.md), the spec it became (amgen.yaml) and the project amgen renders from it, committed under
generated/ with the business rules written into its model-owned seams.

CI guards them both ways: `amgen check` finds no drift between generated/ and what today's templates render from the
recorded spec (so a template change must come with `examples/update.sh`), and the project's own `make check` passes
against real PostgreSQL, RabbitMQ and Redis (and the MongoDB-compatible test server), with no test skipped.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml

from generated_projects import GeneratedProject, Postgres, ScriptServer, SharedVenv
from harness import REPO_ROOT, Amgen, describe
from real_servers import RealServers, check_with_real_servers

EXAMPLES = {"telemedicine": 2, "p2p-lending": 4}
# The model-owned rule files the examples fill in (the rest keep amgen's default policy), with the requirement each
# implements.
HAND_WRITTEN_RULES = {
    "telemedicine": {
        "services/healthcare_telemedicine_api/src/domain/rules/appointment_rules.py": "FR-003",
        "services/healthcare_telemedicine_api/tests/unit/rules/test_appointment_rules.py": "FR-003",
    },
    "p2p-lending": {
        "services/finance_lending_api/src/domain/rules/loan_application_rules.py": "FR-003",
        "services/finance_lending_api/tests/unit/rules/test_loan_application_rules.py": "FR-003",
        "services/finance_lending_api/src/domain/rules/investment_rules.py": "FR-004",
        "services/finance_lending_api/tests/unit/rules/test_investment_rules.py": "FR-004",
    },
}


def example_dir(name: str) -> Path:
    return REPO_ROOT / "examples" / name


@pytest.mark.parametrize("name", EXAMPLES)
def test_example_has_its_idea_its_spec_and_the_project_rendered_from_that_spec(amgen: Amgen, name: str) -> None:
    folder = example_dir(name)
    idea = (folder / "idea.md").read_text()
    assert len(idea.split()) > 100, f"{folder / 'idea.md'} is too short to be the request a person would write"
    result = amgen.run("validate", str(folder / "amgen.yaml"))
    assert result.returncode == 0, describe(result)
    spec = yaml.safe_load((folder / "amgen.yaml").read_text())
    assert spec["level"] == EXAMPLES[name]
    recorded = folder / "generated" / ".amgen" / "spec.yaml"
    assert recorded.read_text() == (folder / "amgen.yaml").read_text(), (
        f"{recorded} differs from {folder / 'amgen.yaml'}: run examples/update.sh {name}"
    )


@pytest.mark.parametrize("name", EXAMPLES)
def test_generated_example_has_not_drifted_from_the_templates(amgen: Amgen, name: str) -> None:
    generated = example_dir(name) / "generated"
    result = amgen.run("--json", "check", str(generated))
    assert result.returncode == 0, f"run examples/update.sh {name} and commit the result\n{describe(result)}"
    report = json.loads(result.stdout)
    assert report["clean"] is True
    assert [report[key] for key in ("drifted", "missing", "extra")] == [[], [], []]
    # The hand-written rules are the model's: never compared, so never drift.
    assert set(HAND_WRITTEN_RULES[name]) <= set(report["not_compared"])


@pytest.mark.parametrize("name", EXAMPLES)
def test_the_business_rules_are_written_and_owned_by_the_model(name: str) -> None:
    generated = example_dir(name) / "generated"
    record = json.loads((generated / ".amgen/project.json").read_text())
    owners = {entry["path"]: entry["owner"] for entry in record["files"]}
    for path, requirement in HAND_WRITTEN_RULES[name].items():
        assert owners.get(path) == "model", f"{path} is not a model-owned file of {generated}"
        text = (generated / path).read_text()
        assert f"# Implements: {requirement}" in text, f"{path} does not name {requirement}"
        assert "the default policy has none" not in text, f"{path} still has amgen's default (empty) rules"


@pytest.mark.heavy
@pytest.mark.parametrize("name", EXAMPLES)
def test_example_passes_its_own_make_check_against_real_servers(
    name: str,
    shared_venv: SharedVenv,
    postgres: Postgres,
    rabbitmq: ScriptServer,
    redis: ScriptServer,
    mongodb: ScriptServer,
    coverage_rows: list[tuple[str, str, str]],
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    # A copy, so that the venv-free make check writes its caches and coverage files outside the repository.
    copy = tmp_path_factory.mktemp(f"example-{name}") / name
    shutil.copytree(example_dir(name) / "generated", copy)
    project = GeneratedProject(copy, EXAMPLES[name])
    servers = RealServers(postgres, rabbitmq, redis, mongodb)
    check_with_real_servers(project, f"level{project.level} example {name}", shared_venv, servers, coverage_rows)
