"""`amgen generate` end to end, as AGENTS.md tells an agent to run it: the real binary and its real LLM client talk
over HTTP to `amgen_fake_llm` (a scripted cpp-httplib server), the idea goes through questions (exit 3), answers and
the approval gate (exit 7) — on the way a schema-valid spec the validator rejects goes back to the model with its
amgen.yaml:line:col error, and a file path outside the project is refused — to a rendered project whose
model-written business rule first fails the project's own
tests, goes back to the model with the failing output, and then passes the real `make install` + `make check`
(ruff, mypy --strict, pytest with coverage) before the QA report is written. A second run is served from the cache
(zero requests), a run killed in stage 4 resumes without repeating stages 1-3, a budget too small stops with
exit 6 before spending, and a run recorded to a cassette replays with the server gone.
"""

from __future__ import annotations

import json
import re
import shlex
import shutil
import signal
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from generated_projects import SharedVenv, make_env
from harness import Amgen, describe, path_from_env

REPO = Path(__file__).resolve().parents[2]
AGENTS_MD = REPO / "AGENTS.md"
API_KEY = "sk-e2e-secret-never-written"
SERVICE = "services/healthcare_clinic_api"
RULES = f"{SERVICE}/src/domain/rules/patient_rules.py"
RULES_TEST = f"{SERVICE}/tests/unit/rules/test_patient_rules.py"
IDEA = "A clinic where patients register with their full name and email. Level 1, no optional modules.\n"
FIELDS = [
    "business_context",
    "level",
    "functional_requirements",
    "modules",
    "nonfunctional_constraints",
    "dependencies",
    "scope",
    "deliverables",
    "acceptance_criteria",
    "open_questions",
]
SPEC: dict[str, Any] = {
    "amgen": 1,
    "project": {"name": "clinic", "context": "healthcare", "description": "Patients of a clinic"},
    "level": 1,
    "services": [{"domain": "clinic", "type": "api"}, {"domain": "clinic", "type": "data_postgres"}],
    "entities": {
        "Patient": {
            "fields": {
                "full_name": {"type": "string", "max_length": 200},
                "email": {"type": "email", "unique": True},
            }
        }
    },
    "requirements": [{"id": "FR-001", "text": "Patients register", "implemented_by": ["Patient"]}],
}
RULE = '''

# Implements: FR-001
async def full_name_is_not_blank(data: PatientCreate, context: RuleContext) -> None:
    """A patient registers with a full name that is more than white space."""
    if not data.full_name.strip():
        raise BusinessRuleViolationError("A patient's full name must not be blank.")
'''
RULE_TEST = '''

async def test_a_blank_full_name_is_refused(valid_create: PatientCreate, context: RuleContext) -> None:
    blank = valid_create.model_copy(update={"full_name": "   "})
    with pytest.raises(BusinessRuleViolationError, match="must not be blank"):
        await patient_rules.check_create(blank, context)
'''


def fields(missing: str | None) -> dict[str, Any]:
    return {
        "fields": [
            {
                "field": field,
                "status": "missing" if field == missing else "present",
                "question": "How do you know a registration worked?" if field == missing else "",
            }
            for field in FIELDS
        ]
    }


def model_files(default_rules: str, default_test: str) -> tuple[str, str, str]:
    """The rule file the "model" writes (first with its condition inverted, then repaired) and its test file."""
    rules = default_rules.replace(
        "from src.domain.rules import RuleContext\n",
        "from src.domain.errors import BusinessRuleViolationError\nfrom src.domain.rules import RuleContext\n",
    ).replace("CREATE_RULES: tuple[CreateRule, ...] = ()", "CREATE_RULES: tuple[CreateRule, ...] = (full_name_is_not_blank,)")
    marker = "\nCreateRule = "
    rules = rules.replace(marker, RULE.rstrip("\n") + "\n\n" + marker, 1)
    broken = rules.replace("    if not data.full_name.strip():", "    if data.full_name.strip():", 1)
    test = default_test.replace(
        "assert patient_rules.CREATE_RULES == ()",
        "assert [*patient_rules.CREATE_RULES] == [patient_rules.full_name_is_not_blank]",
    ) + RULE_TEST
    assert broken != rules != default_rules and test != default_test, "the default rule files changed shape"
    return broken, rules, test


INTAKE: dict[str, Any] = {
    "level": 1,
    "requirements": [
        {
            "id": "FR-001",
            "kind": "FR",
            "title": "Patients register",
            "priority": "Must",
            "description": "A patient registers with a full name and an email",
            "acceptance": "A blank full name is refused",
        }
    ],
    "personas": ["patient"],
    "out_of_scope": ["billing"],
    "risks": ["duplicate registrations"],
}
PLAN: dict[str, Any] = {
    "spec": SPEC,
    "phases": [{"name": "Business rules", "tasks": [{"id": "3.1", "title": "Registration", "requirements": ["FR-001"]}]}],
    "assumptions": ["email is unique"],
}


# The answers of a run with no questions, up to the plan.
UNTIL_PLAN: list[dict[str, Any]] = [
    {"match": "idea_fields", "content": fields(None)},
    {"match": '"intake"', "content": INTAKE},
    {"match": '"plan"', "content": PLAN},
]
# A plan whose spec is schema-valid but names an entity that does not exist: the validator's error goes back.
BAD_PLAN: dict[str, Any] = {
    **PLAN,
    "spec": {**SPEC, "requirements": [{"id": "FR-001", "text": "Patients register", "implemented_by": ["Patiant"]}]},
}
OUTSIDE = "../outside.py"


def script(default_rules: str, default_test: str) -> dict[str, Any]:
    broken, fixed, test = model_files(default_rules, default_test)
    return {
        "responses": [
            {"match": "idea_fields", "content": fields("acceptance_criteria")},
            {"match": "idea_fields", "content": fields(None)},
            {"match": '"intake"', "content": INTAKE},
            {"match": '"plan"', "content": BAD_PLAN},
            {"match": '"plan"', "content": PLAN},
            {
                "match": f"File {RULES}:",
                "content": {
                    "files": [{"path": RULES, "content": broken}, {"path": OUTSIDE, "content": "import os\n"}]
                },
            },
            {"match": f"File {RULES_TEST}:", "content": {"files": [{"path": RULES_TEST, "content": test}]}},
            {"match": "Failed checks", "content": {"files": [{"path": RULES, "content": fixed}]}},
        ]
    }


def agents_md_loop() -> list[tuple[list[str], int]]:
    """(argv after `amgen`, the exit code its comment promises) for each line of the generate block."""
    text = AGENTS_MD.read_text()
    block = re.search(r"```sh\n(amgen --json generate.*?)```", text, re.DOTALL)
    assert block, "AGENTS.md has no generate loop"
    loop = []
    for line in block.group(1).splitlines():
        command, _, comment = line.partition("#")
        code = re.search(r"exit (\d+)", comment)
        assert code, f"the AGENTS.md line names no exit code: {line}"
        loop.append((shlex.split(command)[1:], int(code.group(1))))
    return loop


def run_agents_md_loop(amgen: Amgen, work: Path, env: dict[str, str]) -> list[str]:
    """Runs the AGENTS.md lines in `work`, answering the questions like an agent; returns their stdout."""
    outputs: list[str] = []
    for args, expected in agents_md_loop():
        if "--answers" in args:
            questions = json.loads(outputs[-1])["questions"]
            answers = {question["id"]: "A registered patient can be read back by id" for question in questions}
            (work / "answers.json").write_text(json.dumps({"answers": answers}))
        result = run_amgen(amgen, args, work, env)
        assert result.returncode == expected, f"amgen {' '.join(args)}\n{describe(result)}"
        outputs.append(result.stdout)
    return outputs


def run_amgen(amgen: Amgen, args: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return amgen.run(*args, cwd=cwd, env=env, timeout=1500)


def llm_env(port: int, tmp_path: Path, extra: dict[str, str] | None = None) -> dict[str, str]:
    return make_env(
        None,
        {
            "AMGEN_LLM_PROVIDER": "openai",
            "AMGEN_LLM_BASE_URL": f"http://127.0.0.1:{port}/v1",
            "AMGEN_LLM_MODEL": "fake-model",
            "OPENAI_API_KEY": API_KEY,
            "AMGEN_LLM_CACHE_DIR": str(tmp_path / "cache"),
            "AMGEN_CONFIG": str(tmp_path / "no-config.yaml"),
            **(extra or {}),
        },
    )


@pytest.fixture
def fake_llm(tmp_path: Path) -> Iterator[tuple[Path, Path]]:
    """(script path to fill, request log); the server starts on first use of `start_fake_llm`."""
    yield tmp_path / "script.json", tmp_path / "requests.jsonl"


def start_fake_llm(script_file: Path, log: Path) -> tuple[subprocess.Popen[bytes], int]:
    binary = path_from_env("AMGEN_BIN", "build/amgen").parent / "amgen_fake_llm"  # built beside amgen
    assert binary.is_file(), f"no {binary}: build the amgen_fake_llm target"
    port_file = script_file.with_suffix(".port")
    server = subprocess.Popen(
        [str(binary), "--script", str(script_file), "--port-file", str(port_file), "--log", str(log)],
        stdin=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 10
    while not port_file.is_file() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert port_file.is_file(), "amgen_fake_llm did not write its port"
    return server, int(port_file.read_text())


def test_the_agents_md_generate_loop_takes_an_idea_to_a_verified_project(
    amgen: Amgen, shared_venv: SharedVenv, tmp_path: Path, fake_llm: tuple[Path, Path]
) -> None:
    # The default rule files of the spec the "model" will plan, so the scripted rewrites start from them.
    (tmp_path / "spec.json").write_text(json.dumps(SPEC))
    preview = amgen.run("new", "--spec", str(tmp_path / "spec.json"), "--out", str(tmp_path / "preview"), "-q")
    assert preview.returncode == 0, describe(preview)
    script_file, log = fake_llm
    script_file.write_text(
        json.dumps(script((tmp_path / "preview" / RULES).read_text(), (tmp_path / "preview" / RULES_TEST).read_text()))
    )
    server, port = start_fake_llm(script_file, log)
    work = tmp_path / "work"
    work.mkdir()
    (work / "idea.md").write_text(IDEA)
    env = llm_env(port, tmp_path, {"VENV": str(shared_venv.path), "PYTHON": shared_venv.python})
    shared_venv.installed = None  # stage 5's `make install` installs this project into the shared venv
    try:
        outputs = run_agents_md_loop(amgen, work, env)
        # The same loop again in a fresh directory at the same place: every answer comes from the cache.
        requests_before = len(log.read_text().splitlines())
        shutil.rmtree(work / "app")
        run_agents_md_loop(amgen, work, env)
        assert len(log.read_text().splitlines()) == requests_before, "the cached re-run made HTTP requests"
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=10)

    first, _, last = (json.loads(output) for output in outputs)
    assert first["status"] == "clarification_needed"
    assert [question["id"] for question in first["questions"]] == ["acceptance_criteria"]
    assert last["status"] == "done"
    assert last["tokens"]["input"] > 0 and last["tokens"]["output"] > 0

    app = work / "app"
    assert (app / RULES).read_text() == model_files(
        (tmp_path / "preview" / RULES).read_text(), (tmp_path / "preview" / RULES_TEST).read_text()
    )[1]
    report = (app / "artifacts" / "reports" / "qa-report.md").read_text()
    assert "Status: **Ready**" in report
    assert "Requirement coverage: 100% (1 of 1 functional requirements implemented)" in report
    assert "| FR-001 | Patients register | ✅ done |" in report
    assert (app / "artifacts" / "requirements" / "intake.md").is_file()
    assert (app / "artifacts" / "plans" / "implementation-plan.md").is_file()

    # The spec's validation error went back to the model, which fixed it on the second try.
    requests = [json.loads(line) for line in log.read_text().splitlines()]
    plans = [request["body"] for request in requests if '"plan"' in request["body"]]
    assert len(plans) == 2 and "Patiant" in plans[1] and "amgen.yaml:" in plans[1]
    # The path outside the project was refused and never written.
    assert not (work / "outside.py").exists() and not (app.parent / "outside.py").exists()
    stage4 = json.loads((app / ".amgen" / "workflow" / "stage-4-generate.json").read_text())
    assert OUTSIDE in json.dumps(stage4["refused"])
    # The repair request carried the failing tests of the inverted rule.
    repair = next(request["body"] for request in requests if "Failed checks" in request["body"])
    assert "FAILED" in repair and "test_a_blank_full_name_is_refused" in repair
    assert len(requests) == 8, "every scripted answer is used exactly once"

    # The key reached the server in its header only: nothing amgen wrote holds it.
    for path in [*app.rglob("*"), *(tmp_path / "cache").rglob("*")]:
        if path.is_file() and ".venv" not in path.parts:
            assert API_KEY.encode() not in path.read_bytes(), f"{path} holds the API key"


def test_a_run_killed_in_stage_4_resumes_without_repeating_stages_1_to_3(
    amgen: Amgen, tmp_path: Path, fake_llm: tuple[Path, Path]
) -> None:
    script_file, log = fake_llm
    rules_answer = {"files": [{"path": RULES, "content": "# Implements: FR-001\n"}]}
    test_answer = {"files": [{"path": RULES_TEST, "content": "# Implements: FR-001\n"}]}
    script_file.write_text(
        json.dumps(
            {
                "responses": [
                    *UNTIL_PLAN,
                    # The first stage-4 answer comes too late: amgen is killed while it waits. The others serve
                    # whichever stage-4 calls come before the kill and after the resume.
                    {"match": "File services/", "content": rules_answer, "delay_ms": 30000},
                    *[{"match": f"File {RULES}:", "content": rules_answer}] * 2,
                    *[{"match": f"File {RULES_TEST}:", "content": test_answer}] * 2,
                ]
            }
        )
    )
    server, port = start_fake_llm(script_file, log)
    work = tmp_path / "work"
    work.mkdir()
    (work / "idea.md").write_text(IDEA)
    env = llm_env(port, tmp_path)
    try:
        running = subprocess.Popen(
            [str(amgen.binary), "--json", "generate", "--idea-file", "idea.md", "--out", "app", "--yes"],
            cwd=work,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 60
        while "File services/" not in (log.read_text() if log.is_file() else "") and time.monotonic() < deadline:
            time.sleep(0.1)
        running.kill()
        running.wait(timeout=10)
        assert "File services/" in log.read_text(), "amgen never reached stage 4"

        result = run_amgen(amgen, ["--json", "generate", "--out", "app", "--resume", "--yes", "--until-stage", "4"],
                           work, env)
        assert result.returncode == 0, describe(result)
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=10)
    bodies = [json.loads(line)["body"] for line in log.read_text().splitlines()]
    for stage_marker in ("idea_fields", '"intake"', '"plan"'):
        assert sum(stage_marker in body for body in bodies) == 1, f"{stage_marker} was asked again after the kill"
    assert (work / "app" / RULES).read_text() == "# Implements: FR-001\n"
    state = json.loads((work / "app" / ".amgen" / "workflow" / "state.json").read_text())
    assert [stage["status"] for stage in state["stages"]][:5] == ["done"] * 5


def test_a_budget_too_small_stops_before_spending_and_keeps_the_run(
    amgen: Amgen, tmp_path: Path, fake_llm: tuple[Path, Path]
) -> None:
    script_file, log = fake_llm
    script_file.write_text(json.dumps({"responses": []}))
    server, port = start_fake_llm(script_file, log)
    work = tmp_path / "work"
    work.mkdir()
    try:
        result = run_amgen(
            amgen, ["--json", "generate", IDEA, "--out", "app", "--max-tokens", "50"], work, llm_env(port, tmp_path)
        )
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=10)
    assert result.returncode == 6, describe(result)
    assert json.loads(result.stdout)["status"] == "budget_exceeded"
    assert not log.is_file() or log.read_text() == "", "a request was sent over the budget"
    assert (work / "app" / ".amgen" / "workflow" / "state.json").is_file()


def test_a_recorded_run_replays_with_the_server_gone(amgen: Amgen, tmp_path: Path, fake_llm: tuple[Path, Path]) -> None:
    script_file, log = fake_llm
    script_file.write_text(
        json.dumps(
            {
                "responses": [
                    *UNTIL_PLAN,
                ]
            }
        )
    )
    server, port = start_fake_llm(script_file, log)
    env = llm_env(port, tmp_path)
    cassette = tmp_path / "cassette.jsonl"
    common = ["--json", "generate", IDEA, "--until-stage", "3", "--no-cache"]
    try:
        recorded = run_amgen(amgen, [*common, "--out", "recorded", "--record", str(cassette)], tmp_path, env)
        assert recorded.returncode == 0, describe(recorded)
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=10)

    replayed = run_amgen(amgen, [*common, "--out", "replayed", "--replay", str(cassette)], tmp_path, env)
    assert replayed.returncode == 0, describe(replayed)
    assert (tmp_path / "replayed" / "amgen.yaml").read_text() == (tmp_path / "recorded" / "amgen.yaml").read_text()
    assert len(cassette.read_text().splitlines()) == 3
    assert API_KEY not in cassette.read_text()
