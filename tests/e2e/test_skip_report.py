"""The five-kinds e2e reads skip reasons out of `make check` (pytest -rs) and fails on any of them, a missing
MONGODB_URL too (scripts/mongo-server.sh serves one): the parsing and the rule, on made-up output."""

from __future__ import annotations

import pytest

from generated_projects import Skip, skips_by_service
from make_check_report import parse_make_check
from real_servers import assert_no_skips

SERVICES = ["shop_catalog_api", "shop_catalog_data_mongo", "shop_orders_worker"]

OUTPUT = """\
== test services/shop_catalog_api
........                                                                 [100%]
TOTAL                                   120     10    92%
Required test coverage of 80% reached. Total coverage: 91.67%
8 passed in 1.20s
== test services/shop_catalog_data_mongo
....ss                                                                   [100%]
=========================== short test summary info ============================
SKIPPED [2] tests/integration/test_mongo_repository.py:14: MONGODB_URL is not set: real MongoDB tests skipped
TOTAL                                   100      5    95%
Required test coverage of 80% reached. Total coverage: 95.00%
4 passed, 2 skipped in 0.90s
== test services/shop_orders_worker
.....s                                                                   [100%]
=========================== short test summary info ============================
SKIPPED [1] tests/integration/test_consumer.py:9: RABBITMQ_URL is not set
\x1b[33mSKIPPED [1] tests/unit/test_jobs.py:30\x1b[0m
TOTAL                                   100     10    90%
Required test coverage of 80% reached. Total coverage: 90.00%
5 passed, 2 skipped in 0.70s
"""


def test_skip_lines_are_attributed_to_the_service_whose_tests_printed_them() -> None:
    assert skips_by_service(OUTPUT, SERVICES) == [
        Skip(
            "shop_catalog_data_mongo",
            2,
            "tests/integration/test_mongo_repository.py:14",
            "MONGODB_URL is not set: real MongoDB tests skipped",
        ),
        Skip("shop_orders_worker", 1, "tests/integration/test_consumer.py:9", "RABBITMQ_URL is not set"),
        Skip("shop_orders_worker", 1, "tests/unit/test_jobs.py:30", ""),
    ]


def test_a_run_without_skips_passes() -> None:
    assert_no_skips([])
    runs = {run.service: run for run in parse_make_check(OUTPUT, SERVICES)}
    assert runs["shop_catalog_api"].count("skipped") == 0


def test_a_missing_mongodb_url_is_no_excuse() -> None:
    skips = [skip for skip in skips_by_service(OUTPUT, SERVICES) if skip.service == "shop_catalog_data_mongo"]
    with pytest.raises(pytest.fail.Exception) as failure:
        assert_no_skips(skips)
    message = str(failure.value)
    assert "shop_catalog_data_mongo: [2] tests/integration/test_mongo_repository.py:14: MONGODB_URL" in message
    runs = {run.service: run for run in parse_make_check(OUTPUT, SERVICES)}
    assert runs["shop_catalog_data_mongo"].count("skipped") == 2


def test_every_skip_fails_and_is_named() -> None:
    with pytest.raises(pytest.fail.Exception) as failure:
        assert_no_skips(skips_by_service(OUTPUT, SERVICES))
    message = str(failure.value)
    assert "MONGODB_URL is not set: real MongoDB tests skipped" in message
    assert "shop_orders_worker: [1] tests/integration/test_consumer.py:9: RABBITMQ_URL is not set" in message
    assert "tests/unit/test_jobs.py:30" in message
