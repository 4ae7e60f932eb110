"""The shared helpers this service relies on: problems, pages and JSON logging."""

import io
import json
import logging

from shared.contracts.pagination import Page
from shared.utils.logger import build_handler, configure_logging
from shared.utils.problems import ProblemDetail, build_problem
from shared.utils.request_id import (
    generate_request_id,
    get_request_id,
    reset_request_id,
    resolve_request_id,
    set_request_id,
)


def test_problem_title_is_the_status_phrase() -> None:
    problem = build_problem(404, "No such thing.", instance="/things/1")

    assert problem.to_body() == {
        "type": "about:blank",
        "title": "Not Found",
        "status": 404,
        "detail": "No such thing.",
        "instance": "/things/1",
    }


def test_problem_round_trips_through_json() -> None:
    problem = build_problem(422, errors=[{"loc": ["query", "limit"]}])

    assert ProblemDetail.model_validate_json(json.dumps(problem.to_body())) == problem


def test_page_knows_whether_more_items_follow() -> None:
    assert Page[int](items=[1, 2], total=5, limit=2, offset=0).has_next
    assert not Page[int](items=[5], total=5, limit=2, offset=4).has_next


def test_log_lines_are_json_with_the_service_name() -> None:
    stream = io.StringIO()
    logger = logging.getLogger("tests.json")
    handler = build_handler("finance_lending_data_postgres", stream)
    logger.addHandler(handler)
    try:
        logger.warning("something_happened", extra={"answer": 42})
    finally:
        logger.removeHandler(handler)

    line = json.loads(stream.getvalue())
    assert line["message"] == "something_happened"
    assert line["level"] == "WARNING"
    assert line["service"] == "finance_lending_data_postgres"
    assert line["answer"] == 42
    assert "timestamp" in line
    assert line["request_id"] == "-"


def test_configure_logging_installs_one_json_handler_on_the_root_logger() -> None:
    root = logging.getLogger()
    saved_handlers, saved_level = root.handlers[:], root.level
    try:
        configure_logging("finance_lending_data_postgres", "debug")

        assert len(root.handlers) == 1
        assert root.level == logging.DEBUG
        assert logging.getLogger("uvicorn.access").propagate
    finally:
        root.handlers = saved_handlers
        root.setLevel(saved_level)


def test_generated_request_ids_have_the_req_prefix() -> None:
    request_id = generate_request_id()

    assert request_id.startswith("req_")
    assert len(request_id) == 36
    assert generate_request_id() != request_id


def test_incoming_request_id_is_kept_only_when_safe() -> None:
    assert resolve_request_id("abc-123") == "abc-123"
    assert resolve_request_id("bad id\nwith newline").startswith("req_")
    assert resolve_request_id(None).startswith("req_")
    assert resolve_request_id("x" * 129).startswith("req_")


def test_request_id_is_set_and_restored() -> None:
    token = set_request_id("req_test")
    try:
        assert get_request_id() == "req_test"
    finally:
        reset_request_id(token)

    assert get_request_id() is None


def test_log_lines_carry_the_current_request_id() -> None:
    stream = io.StringIO()
    logger = logging.getLogger("tests.request_id")
    handler = build_handler("finance_lending_data_postgres", stream)
    logger.addHandler(handler)
    token = set_request_id("req_in_logs")
    try:
        logger.warning("inside_request")
    finally:
        reset_request_id(token)
        logger.removeHandler(handler)

    assert json.loads(stream.getvalue())["request_id"] == "req_in_logs"
