"""The reader of `make check` output, on the shapes pytest and coverage print: a misread would hide a skipped test
or a coverage drop in the generated-project tests.
"""

from __future__ import annotations

from make_check_report import parse_make_check, parse_summary

SERVICES = ["healthcare_clinic_api", "healthcare_clinic_data_postgres"]

PYTEST_COV_PER_SERVICE = """\
cd services/healthcare_clinic_api && /v/bin/ruff check .
All checks passed!
cd services/healthcare_clinic_api && /v/bin/pytest --cov=src --cov-fail-under=60
........                                                                 [100%]
---------- coverage: platform linux, python 3.11.7-final-0 -----------
Name                 Stmts   Miss  Cover
----------------------------------------
src/app/main.py         40      4    90%
----------------------------------------
TOTAL                  120     10    92%

Required test coverage of 60% reached. Total coverage: 91.67%
8 passed in 1.23s
cd services/healthcare_clinic_data_postgres && /v/bin/pytest --cov=src --cov-fail-under=60
============================= test session starts ==============================
...s..                                                                   [100%]
TOTAL                  200     70    65%
Required test coverage of 60% reached. Total coverage: 65.00%
=================== 5 passed, 1 skipped, 2 warnings in 2.50s ===================
"""


def test_summary_line_counts_every_outcome() -> None:
    line = "====== 1 failed, 5 passed, 1 skipped, 2 errors, 1 warning in 75.20s (0:01:15) ======"
    assert parse_summary(line) == {"failed": 1, "passed": 5, "skipped": 1, "errors": 2, "warnings": 1}


def test_quiet_summary_line_is_read() -> None:
    assert parse_summary("12 passed in 0.40s") == {"passed": 12}


def test_lines_that_only_look_like_a_summary_are_ignored() -> None:
    assert parse_summary("Success: no issues found in 12 source files") is None


def test_each_service_gets_its_own_counts_and_precise_coverage() -> None:
    runs = parse_make_check(PYTEST_COV_PER_SERVICE, SERVICES)

    assert [(r.service, r.counts.get("passed"), r.count("skipped"), r.coverage) for r in runs] == [
        ("healthcare_clinic_api", 8, 0, 91.67),
        ("healthcare_clinic_data_postgres", 5, 1, 65.0),
    ]


def test_coverage_reported_after_the_pytest_summary_pairs_with_that_run() -> None:
    output = "\n".join(
        [
            "make -C services/healthcare_clinic_api check",
            "3 passed in 0.10s",
            "TOTAL     10      2    80%",
            "make -C services/healthcare_clinic_data_postgres check",
            "4 passed in 0.10s",
            "TOTAL     10      1    90%",
        ]
    )

    runs = parse_make_check(output, SERVICES)

    assert [(r.service, r.coverage) for r in runs] == [
        ("healthcare_clinic_api", 80.0),
        ("healthcare_clinic_data_postgres", 90.0),
    ]


def test_runs_from_one_loop_line_are_assigned_to_services_in_order() -> None:
    output = "\n".join(
        [
            "for s in services/healthcare_clinic_api services/healthcare_clinic_data_postgres; do ...; done",
            "TOTAL     10      2    80%",
            "3 passed in 0.10s",
            "TOTAL     10      1    90%",
            "4 passed in 0.10s",
        ]
    )

    runs = parse_make_check(output, SERVICES)

    assert [(r.service, r.coverage, r.attributed_by_order) for r in runs] == [
        ("healthcare_clinic_api", 80.0, True),
        ("healthcare_clinic_data_postgres", 90.0, True),
    ]


def test_a_service_without_a_coverage_line_reports_none() -> None:
    runs = parse_make_check("cd services/healthcare_clinic_api && pytest\n2 passed in 0.1s\n", SERVICES)

    assert [(r.service, r.coverage) for r in runs] == [("healthcare_clinic_api", None)]
