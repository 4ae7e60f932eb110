"""Times `amgen new` against `cp -r` of its output and against cookiecutter rendering the same tree, in one run,
after checking that cookiecutter's output equals amgen's; also `amgen --version` and amgen's peak memory.

Timer: hyperfine (`-N`, no shell) when installed, otherwise a subprocess loop; both report the median of --runs.
Run it through bench/run.sh, which installs what it needs.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import yaml

from cookiecutter_template import build_template

# PRODUCT.md, "Speed and size targets".
MAX_AMGEN_OVER_CP = 2.0
MIN_COOKIECUTTER_OVER_AMGEN = 20.0
MAX_VERSION_MS = 5.0
MAX_PEAK_RSS_MB = 30.0


@dataclass(frozen=True)
class Command:
    label: str
    argv: list[str]
    output: Path | None  # removed before every run, as the command must create it afresh


class Timer:
    name = "subprocess loop"

    def __init__(self, runs: int, warmup: int) -> None:
        self.runs = runs
        self.warmup = warmup

    def median_ms(self, command: Command) -> float:
        samples = []
        for index in range(self.warmup + self.runs):
            if command.output is not None:
                shutil.rmtree(command.output, ignore_errors=True)
            started = time.perf_counter_ns()
            subprocess.run(
                command.argv, check=True, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
            )
            elapsed = time.perf_counter_ns() - started
            if index >= self.warmup:
                samples.append(elapsed / 1e6)
        return statistics.median(samples)


class HyperfineTimer(Timer):
    def __init__(self, runs: int, warmup: int, executable: str, work: Path) -> None:
        super().__init__(runs, warmup)
        version = subprocess.run([executable, "--version"], capture_output=True, text=True, check=True)
        self.name = version.stdout.strip()
        self.executable = executable
        self.work = work

    def median_ms(self, command: Command) -> float:
        report = self.work / f"hyperfine-{re.sub(r'[^a-z0-9]+', '-', command.label.lower())}.json"
        args = [
            self.executable,
            "-N",
            "--style",
            "none",
            "--warmup",
            str(self.warmup),
            "--runs",
            str(self.runs),
            "--export-json",
            str(report),
            "--command-name",
            command.label,
        ]
        if command.output is not None:
            args += ["--prepare", f"rm -rf {quote(command.output)}"]
        args.append(" ".join(quote(arg) for arg in command.argv))
        run_checked(args, f"hyperfine on {command.label}")
        return float(json.loads(report.read_text())["results"][0]["median"]) * 1000


def quote(value: object) -> str:
    text = str(value)
    return text if re.fullmatch(r"[\w@%+=:,./-]+", text) else "'" + text.replace("'", "'\\''") + "'"


def run_checked(argv: list[str], what: str) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(argv, check=False, stdin=subprocess.DEVNULL, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"bench: {what} failed (exit {result.returncode}): {' '.join(argv)}\n{result.stdout}{result.stderr}")
    return result


def peak_rss_mb(command: Command, repetitions: int = 3) -> float:
    peaks = []
    for _ in range(repetitions):
        if command.output is not None:
            shutil.rmtree(command.output, ignore_errors=True)
        result = run_checked(["/usr/bin/time", "-v", *command.argv], f"{command.label} under /usr/bin/time")
        match = re.search(r"Maximum resident set size \(kbytes\): (\d+)", result.stderr)
        if not match:
            sys.exit("bench: /usr/bin/time -v printed no maximum resident set size")
        peaks.append(int(match.group(1)) / 1024)
    return max(peaks)


def new_command(amgen: str, name: str, spec: Path, out: Path) -> Command:
    return Command("amgen new", [amgen, "new", name, "--spec", str(spec), "--out", str(out)], out)


def tree_size(root: Path) -> tuple[int, int]:
    files = [p for p in root.rglob("*") if p.is_file()]
    return len(files), sum(p.stat().st_size for p in files)


def verdict(ok: bool) -> str:
    return "meets" if ok else "MISSES"


def cookiecutter_of(reference: Path, name: str, work: Path, executable: str) -> Command:
    """A cookiecutter command rendering `reference` back, checked once to produce exactly `reference`."""
    template = work / "template"
    build_template(reference, name, template)
    config = work / "cookiecutter-config.yaml"
    config.write_text(f"cookiecutters_dir: {work / 'cc-home'}\nreplay_dir: {work / 'cc-replay'}\n")
    base = [executable, "--no-input", "--config-file", str(config)]
    run_checked([*base, "-o", str(work / "verify"), str(template)], "cookiecutter")
    diff = subprocess.run(
        ["diff", "-r", str(reference), str(work / "verify" / name)], check=False, capture_output=True, text=True
    )
    if diff.returncode != 0:
        print(diff.stdout[:4000], file=sys.stderr)
        sys.exit("bench: cookiecutter's output differs from amgen's, so the timings would not compare equal work")
    return Command("cookiecutter", [*base, "-o", str(work / "t-cc"), str(template)], work / "t-cc")


def choose_timer(choice: str, runs: int, warmup: int, work: Path) -> Timer:
    hyperfine = shutil.which("hyperfine")
    if choice == "hyperfine" and not hyperfine:
        sys.exit("bench: --timer hyperfine but hyperfine is not installed (apt-get install hyperfine)")
    if hyperfine is not None and choice != "python":
        return HyperfineTimer(runs, warmup, hyperfine, work)
    return Timer(runs, warmup)


def print_table(medians: dict[str, float], rss: float) -> None:
    version_ms = medians["amgen --version"]
    amgen_over_cp = medians["amgen new"] / medians["cp -r"]
    cookiecutter_over_amgen = medians["cookiecutter"] / medians["amgen new"]
    rows = [
        ("measure", "value", "target", ""),
        ("amgen new", f"{medians['amgen new']:.1f} ms", "", ""),
        ("cp -r of the same tree", f"{medians['cp -r']:.1f} ms", "", ""),
        ("cookiecutter, same tree", f"{medians['cookiecutter']:.1f} ms", "", ""),
        ("amgen --version", f"{version_ms:.2f} ms", f"< {MAX_VERSION_MS:g} ms", verdict(version_ms < MAX_VERSION_MS)),
        (
            "ratio amgen / cp",
            f"{amgen_over_cp:.2f}x",
            f"<= {MAX_AMGEN_OVER_CP:g}x",
            verdict(amgen_over_cp <= MAX_AMGEN_OVER_CP),
        ),
        (
            "ratio cookiecutter / amgen",
            f"{cookiecutter_over_amgen:.1f}x",
            f">= {MIN_COOKIECUTTER_OVER_AMGEN:g}x",
            verdict(cookiecutter_over_amgen >= MIN_COOKIECUTTER_OVER_AMGEN),
        ),
        ("amgen new peak RSS", f"{rss:.1f} MB", f"< {MAX_PEAK_RSS_MB:g} MB", verdict(rss < MAX_PEAK_RSS_MB)),
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    for row in rows:
        print(f"{row[0]:<{widths[0]}}  {row[1]:>{widths[1]}}  {row[2]:<{widths[2]}}  {row[3]}".rstrip())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--amgen", required=True, type=Path)
    parser.add_argument("--spec", required=True, type=Path)
    parser.add_argument("--cookiecutter", required=True)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--timer", choices=["auto", "hyperfine", "python"], default="auto")
    parser.add_argument("--keep", action="store_true", help="keep the work dir and print where it is")
    options = parser.parse_args()

    amgen = str(options.amgen.resolve())
    spec = options.spec.resolve()
    name = str(yaml.safe_load(spec.read_text())["project"]["name"])
    work = Path(tempfile.mkdtemp(prefix="amgen-bench-"))
    try:
        reference = work / "amgen-out"
        run_checked([amgen, "new", name, "--spec", str(spec), "--out", str(reference)], "amgen new")
        files, size = tree_size(reference)
        commands = [
            new_command(amgen, name, spec, work / "t-amgen"),
            Command("cp -r", ["cp", "-r", str(reference), str(work / "t-cp")], work / "t-cp"),
            cookiecutter_of(reference, name, work, options.cookiecutter),
            Command("amgen --version", [amgen, "--version"], None),
        ]
        timer = choose_timer(options.timer, options.runs, options.warmup, work)
        medians = {command.label: timer.median_ms(command) for command in commands}
        rss = peak_rss_mb(new_command(amgen, name, spec, work / "t-rss"))
    finally:
        if options.keep:
            print(f"work dir kept: {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)

    print(f"spec {options.spec} -> {files} files, {size / 1024:.0f} KiB; cookiecutter output verified equal (diff -r)")
    print(f"timer: {timer.name}, median of {options.runs} runs after {options.warmup} warm-up runs\n")
    print_table(medians, rss)
    return 0


if __name__ == "__main__":
    sys.exit(main())
