"""AGENTS.md shows an agent the exact commands to run: this runs every command of its loop, in order, on the
example spec, and checks each exit code and JSON shape AGENTS.md promises.
"""

from __future__ import annotations

import json
import re
import shlex
import shutil
from pathlib import Path

from harness import Amgen, describe

REPO = Path(__file__).resolve().parents[2]
AGENTS_MD = REPO / "AGENTS.md"
SPEC = REPO / "examples" / "clinic-reminders" / "amgen.yaml"


def loop_commands() -> list[tuple[list[str], str | None]]:
    """(argv after `amgen`, stdout redirect target) for each line of the first ```sh block."""
    block = re.search(r"```sh\n(.*?)```", AGENTS_MD.read_text(), re.DOTALL)
    assert block, "AGENTS.md has no ```sh block"
    commands = []
    for line in block.group(1).splitlines():
        words = shlex.split(line, comments=True)
        if not words:
            continue
        assert words[0] == "amgen", f"AGENTS.md shows a command that is not amgen: {line}"
        target = None
        if ">" in words:
            target = words[words.index(">") + 1]
            words = words[: words.index(">")]
        commands.append((words[1:], target))
    return commands


def test_every_command_of_the_agents_md_loop_works_as_documented(amgen: Amgen, tmp_path: Path) -> None:
    shutil.copy(SPEC, tmp_path / "amgen.yaml")
    commands = loop_commands()
    assert [args[-1] if args else "" for args, _ in commands], "empty loop"
    for args, target in commands:
        result = amgen.run(*args, cwd=tmp_path)
        assert result.returncode == 0, f"amgen {' '.join(args)}\n{describe(result)}"
        if target:
            (tmp_path / target).write_text(result.stdout)
        if "--json" in args:
            payload = json.loads(result.stdout)
            command = next(word for word in args if not word.startswith("-"))
            expected = {
                "validate": {"valid", "diagnostics"},
                "plan": {"project", "level", "level_name", "coverage", "features", "modules", "files"},
                "new": {"out", "dry_run", "files"},
                "check": {"clean", "drifted", "missing", "extra", "not_compared"},
                "levels": {"levels", "features"},
            }[command]
            assert set(payload) == expected, f"amgen {' '.join(args)} printed keys {sorted(payload)}"
    schema = json.loads((tmp_path / "amgen.schema.json").read_text())
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert (tmp_path / "app" / ".amgen" / "project.json").is_file()
