"""Reads a generated project's `make check` output: one pytest summary and one coverage total per service."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_ANSI = re.compile(r"\x1b\[[0-9;]*m")
# "==== 12 passed, 1 skipped, 3 warnings in 4.56s (0:00:04) ====" or, with -q, "12 passed in 4.56s".
_SUMMARY = re.compile(
    r"^=*\s*(?P<body>no tests ran|\d+ [a-z]+(?:, \d+ [a-z]+)*) in \d+(?:\.\d+)?s(?: \([0-9:]+\))?\s*=*$"
)
_COUNT = re.compile(r"(\d+) ([a-z]+)")
# pytest-cov's --cov-fail-under line, then the TOTAL row of a coverage report table.
_COVERAGE_FAIL_UNDER = re.compile(r"Total coverage: (\d+(?:\.\d+)?)%")
_COVERAGE_TOTAL_ROW = re.compile(r"^TOTAL\s.*?(\d+(?:\.\d+)?)%\s*$")
_PLURAL = {"warning": "warnings", "error": "errors"}


@dataclass
class PytestRun:
    """One pytest session found in the output, with the service it ran for (None when not attributable)."""

    service: str | None
    counts: dict[str, int]
    coverage: float | None
    attributed_by_order: bool = False

    def count(self, outcome: str) -> int:
        return self.counts.get(outcome, 0)

    def outcome(self) -> str:
        cov = "no coverage line" if self.coverage is None else f"coverage {self.coverage:.2f}%"
        outcomes = ", ".join(f"{n} {k}" for k, n in self.counts.items()) or "no tests ran"
        return f"{outcomes}; {cov}"

    def describe(self) -> str:
        return f"{self.service or '?'}: {self.outcome()}"


@dataclass
class _Segment:
    service: str | None
    summaries: list[dict[str, int]] = field(default_factory=list)
    coverage_groups: list[list[tuple[str, float]]] = field(default_factory=list)
    last_was_coverage: bool = False


def parse_summary(line: str) -> dict[str, int] | None:
    """Outcome counts of a pytest closing line ({} for "no tests ran"), None for any other line."""
    match = _SUMMARY.match(_ANSI.sub("", line).strip())
    if not match:
        return None
    counts: dict[str, int] = {}
    for number, word in _COUNT.findall(match.group("body")):
        counts[_PLURAL.get(word, word)] = int(number)
    return counts


def _coverage_in(line: str) -> tuple[str, float] | None:
    if m := _COVERAGE_FAIL_UNDER.search(line):
        return ("fail_under", float(m.group(1)))
    if m := _COVERAGE_TOTAL_ROW.match(line.strip()):
        return ("total_row", float(m.group(1)))
    return None


def _best_coverage(group: list[tuple[str, float]]) -> float:
    # The fail-under line has two decimals; the table row may be rounded to a whole percent.
    precise = [value for kind, value in group if kind == "fail_under"]
    return precise[-1] if precise else group[-1][1]


def parse_make_check(output: str, services: list[str]) -> list[PytestRun]:
    """Every pytest session in `output`, each with its coverage total and service.

    A line naming exactly one `services/<name>` switches the current service (make echoes `cd services/x && ...`
    or prints "Entering directory .../services/x"). Coverage lines with no pytest summary between them belong to
    one session; within a service, sessions and coverage totals pair in order, which fits both pytest-cov (report
    before the summary) and `coverage report` after the run. When the names cannot attribute every session to a
    distinct service but the session count matches, services are assigned in sorted order.
    """
    mention = re.compile(r"services/(" + "|".join(map(re.escape, services)) + r")(?![\w-])") if services else None
    segments = [_Segment(service=None)]
    for raw_line in output.splitlines():
        line = _ANSI.sub("", raw_line)
        named = set(mention.findall(line)) if mention else set()
        if len(named) == 1:
            (service,) = named
            if service != segments[-1].service:
                segments.append(_Segment(service=service))
        segment = segments[-1]
        if (counts := parse_summary(line)) is not None:
            segment.summaries.append(counts)
            segment.last_was_coverage = False
        elif (coverage := _coverage_in(line)) is not None:
            if segment.last_was_coverage:
                segment.coverage_groups[-1].append(coverage)
            else:
                segment.coverage_groups.append([coverage])
            segment.last_was_coverage = True

    runs: list[PytestRun] = []
    for segment in segments:
        for index, counts in enumerate(segment.summaries):
            group = segment.coverage_groups[index] if index < len(segment.coverage_groups) else None
            runs.append(PytestRun(segment.service, counts, _best_coverage(group) if group else None))

    named_services = [run.service for run in runs]
    ambiguous = None in named_services or len(set(named_services)) != len(named_services)
    if ambiguous and len(runs) == len(services):
        for run, service in zip(runs, sorted(services), strict=True):
            run.service = service
            run.attributed_by_order = True
    return runs
