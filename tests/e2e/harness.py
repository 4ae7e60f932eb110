"""What the end-to-end tests run against: the repository, the amgen binary as a subprocess, directory snapshots.

Environment: AMGEN_BIN (default build/amgen), AMGEN_E2E_SPEC (default examples/clinic/amgen.yaml),
AMGEN_E2E_VENV (default .venv-e2e), AMGEN_E2E_PYTHON (default python3); defaults are relative to the repository
root, values from the environment to the current directory.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]


def path_from_env(name: str, default: str) -> Path:
    value = os.environ.get(name)
    return Path(value).resolve() if value else REPO_ROOT / default


@dataclass(frozen=True)
class Amgen:
    """The binary under test, run as a subprocess with no stdin so it can never wait for an answer."""

    binary: Path

    def run(
        self, *args: str, cwd: Path | None = None, timeout: float = 120, env: dict[str, str] | None = None
    ) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(self.binary), *args],
            check=False,
            cwd=cwd,
            env=env,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=timeout,
        )


def describe(result: subprocess.CompletedProcess[str]) -> str:
    return f"exit {result.returncode}\n--- stdout ---\n{result.stdout}\n--- stderr ---\n{result.stderr}"


def tree_snapshot(root: Path) -> dict[str, str]:
    """Every entry under root (relative path -> kind, mode and content hash), to prove nothing changed."""
    snapshot: dict[str, str] = {}
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root).as_posix()
        mode = oct(path.lstat().st_mode)
        if path.is_symlink():
            snapshot[relative] = f"link {mode} {os.readlink(path)}"
        elif path.is_dir():
            snapshot[relative] = f"dir {mode}"
        else:
            snapshot[relative] = f"file {mode} {hashlib.sha256(path.read_bytes()).hexdigest()}"
    return snapshot
