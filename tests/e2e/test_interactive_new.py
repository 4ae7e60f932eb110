"""`amgen new` at a terminal: a person answers the prompts through a pseudo-terminal, mistakes included, and gets
the same project as `amgen new --spec` of the equivalent spec. Without a terminal it never waits.
"""

from __future__ import annotations

import filecmp
import json
import os
import pty
import select
import time
from pathlib import Path

import yaml

from harness import Amgen, describe

# What the person sees and types, in order: (text to wait for, the answer to type, or None to only watch). After a
# rejected answer amgen gives the reason and asks the same question again.
DIALOGUE: list[tuple[str, str | None]] = [
    ("Project name (snake_case): ", "Clinic"),
    ("must be snake_case", None),
    ("Project name (snake_case): ", "clinic"),
    ("Business context (e.g. healthcare, finance, logistics): ", "app"),
    ("generic word the naming rules forbid", None),
    ("Business context (e.g. healthcare, finance, logistics): ", "healthcare"),
    ("Domain of the services [clinic]: ", ""),
    ("4 Production", None),
    ("Level [1]: ", "7"),
    ("choose a level from 1 to 4", None),
    ("Level [1]: ", "2"),
    ("Modules, comma-separated (empty for none): ", "worker,telepathy"),
    ("unknown module 'telepathy'", None),
    ("Modules, comma-separated (empty for none): ", "worker"),
    ("module 'rabbitmq' added", None),
    ("Entity name (empty keeps the example entity Item): ", "patient"),
    ("PascalCase", None),
    ("Entity name (empty keeps the example entity Item): ", "Patient"),
    ("Field of Patient (empty to finish): ", ""),
    ("an entity needs at least one field", None),
    ("Field of Patient (empty to finish): ", "full_name:string"),
    ("Field of Patient (empty to finish): ", "email:email"),
    ("Field of Patient (empty to finish): ", "birth_date:date?"),
    ("Field of Patient (empty to finish): ", "class:string"),
    ("'class' is a Python keyword", None),
    ("Field of Patient (empty to finish): ", ""),
    ("Another entity (empty to finish): ", "Appointment"),
    ("Field of Appointment (empty to finish): ", "starts_at:datetime"),
    ("Field of Appointment (empty to finish): ", "status:enum=booked|done"),
    ("Field of Appointment (empty to finish): ", ""),
    ("Another entity (empty to finish): ", ""),
    ("created clinic", None),
]

EQUIVALENT_SPEC = """\
amgen: 1
project: {name: clinic, context: healthcare, description: Clinic service system}
level: 2
modules: [worker]
services:
  - {domain: clinic, type: api}
  - {domain: clinic, type: data_postgres}
  - domain: clinic_jobs
    type: worker
    jobs:
      follow_up_patient: {event: PatientCreated, calls: [Patient.get], description: Follow up on a new patient}
      review_patients: {every: 15m, calls: [Patient.list], description: Review the patients periodically}
entities:
  Patient:
    fields:
      full_name: {type: string, max_length: 200}
      email: {type: email}
      birth_date: {type: date, required: false}
  Appointment:
    fields:
      starts_at: {type: datetime}
      status: {type: enum, values: [booked, done]}
events:
  PatientCreated:
    entity: Patient
    when: created
    consumers: [clinic_jobs_worker]
requirements:
  - {id: FR-001, text: "Patients are created, listed, updated and deleted", implemented_by: [Patient]}
  - {id: FR-002, text: "Appointments are created, listed, updated and deleted", implemented_by: [Appointment]}
"""


class Terminal:
    """A child process on a pseudo-terminal, read until an expected text appears (like a person watching)."""

    def __init__(self, argv: list[str], cwd: Path) -> None:
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            os.chdir(cwd)
            os.execv(argv[0], argv)
        self.transcript = ""
        self.seen = 0

    def expect(self, text: str, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while text not in self.transcript[self.seen :]:
            remaining = deadline - time.monotonic()
            assert remaining > 0, f"timed out waiting for {text!r}; transcript:\n{self.transcript}"
            ready, _, _ = select.select([self.fd], [], [], remaining)
            if ready:
                try:
                    chunk = os.read(self.fd, 4096)
                except OSError:
                    chunk = b""
                assert chunk, f"the program ended before {text!r}; transcript:\n{self.transcript}"
                self.transcript += chunk.decode(errors="replace").replace("\r\n", "\n")
        self.seen = self.transcript.index(text, self.seen) + len(text)

    def send(self, line: str) -> None:
        os.write(self.fd, line.encode() + b"\n")

    def wait(self) -> int:
        while True:
            try:
                chunk = os.read(self.fd, 4096)
            except OSError:
                break
            if not chunk:
                break
            self.transcript += chunk.decode(errors="replace").replace("\r\n", "\n")
        _, status = os.waitpid(self.pid, 0)
        return os.waitstatus_to_exitcode(status)


def without_spec_hash(project_json: Path) -> dict[str, object]:
    record = json.loads(project_json.read_text())
    record["files"] = [entry for entry in record["files"] if entry["path"] != ".amgen/spec.yaml"]
    return record


def tree_files(root: Path) -> list[str]:
    return sorted(path.relative_to(root).as_posix() for path in root.rglob("*") if path.is_file())


def test_answers_at_a_terminal_give_the_project_of_the_equivalent_spec(amgen: Amgen, tmp_path: Path) -> None:
    terminal = Terminal([str(amgen.binary), "new"], tmp_path)
    for expected, answer in DIALOGUE:
        terminal.expect(expected)
        if answer is not None:
            terminal.send(answer)
    assert terminal.wait() == 0, terminal.transcript
    interactive = tmp_path / "clinic"

    spec = tmp_path / "amgen.yaml"
    spec.write_text(EQUIVALENT_SPEC)
    from_spec = tmp_path / "from-spec"
    result = amgen.run("new", "--spec", str(spec), "--out", str(from_spec), "-q")
    assert result.returncode == 0, describe(result)

    assert tree_files(interactive) == tree_files(from_spec)
    # The recorded spec is the same data in other words (the prompt's spec carries a comment), and the record
    # of the files differs in that file's hash alone.
    recorded, record = ".amgen/spec.yaml", ".amgen/project.json"
    assert yaml.safe_load((interactive / recorded).read_text()) == yaml.safe_load(EQUIVALENT_SPEC)
    assert without_spec_hash(interactive / record) == without_spec_hash(from_spec / record)
    different = [
        path
        for path in tree_files(from_spec)
        if path not in (recorded, record) and not filecmp.cmp(interactive / path, from_spec / path, shallow=False)
    ]
    assert different == [], f"files differ between the interactive and the --spec project: {different}"


def test_without_a_terminal_new_fails_fast_listing_what_is_missing(amgen: Amgen, tmp_path: Path) -> None:
    result = amgen.run("new", cwd=tmp_path, timeout=10)
    assert result.returncode == 2, describe(result)
    assert "missing NAME and --context" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_no_input_never_prompts_even_on_a_terminal(amgen: Amgen, tmp_path: Path) -> None:
    terminal = Terminal([str(amgen.binary), "new", "--no-input"], tmp_path)
    terminal.expect("missing NAME and --context")
    assert terminal.wait() == 2
    assert list(tmp_path.iterdir()) == []
