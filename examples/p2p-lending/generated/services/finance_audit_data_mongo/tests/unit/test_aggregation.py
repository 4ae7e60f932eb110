"""Validation of the aggregation pipelines clients send."""

from typing import Any

import pytest

from src.domain.aggregation import ALLOWED_STAGES, MAX_RESULTS, MAX_STAGES, validate_pipeline
from src.domain.errors import InvalidRequestError


def test_allowed_stages_are_kept_and_the_output_is_bounded() -> None:
    stages: list[dict[str, Any]] = [
        {"$match": {"severity": {"$gte": 2}}},
        {"$group": {"_id": "$author", "count": {"$sum": 1}}},
        {"$sort": {"count": -1}},
    ]

    assert validate_pipeline(stages) == [*stages, {"$limit": MAX_RESULTS}]


@pytest.mark.parametrize("name", sorted(ALLOWED_STAGES))
def test_every_allowed_stage_passes(name: str) -> None:
    assert validate_pipeline([{name: {}}])[0] == {name: {}}


@pytest.mark.parametrize("name", ["$out", "$merge", "$lookup", "$graphLookup", "$unionWith", "$collStats", "$facet"])
def test_other_stages_are_refused(name: str) -> None:
    with pytest.raises(InvalidRequestError, match=f"stage \\{name} is not allowed"):
        validate_pipeline([{name: {}}])


@pytest.mark.parametrize(
    "stage",
    [
        {"$match": {"$where": "true"}},
        {"$match": {"$expr": {"$function": {"body": "return true", "args": [], "lang": "js"}}}},
        {"$group": {"_id": None, "all": {"$accumulator": {"init": "function() {}"}}}},
        {"$project": {"nested": [{"deeper": {"$function": {}}}]}},
    ],
)
def test_forbidden_operators_are_refused_at_any_depth(stage: dict[str, Any]) -> None:
    with pytest.raises(InvalidRequestError, match=r"operator \$\w+ is not allowed"):
        validate_pipeline([stage])


def test_an_empty_pipeline_is_refused() -> None:
    with pytest.raises(InvalidRequestError, match="at least one stage"):
        validate_pipeline([])


def test_a_long_pipeline_is_refused() -> None:
    with pytest.raises(InvalidRequestError, match=f"more than {MAX_STAGES} stages"):
        validate_pipeline([{"$match": {}}] * (MAX_STAGES + 1))


@pytest.mark.parametrize("stage", [{}, {"$match": {}, "$limit": 1}])
def test_a_stage_needs_exactly_one_name(stage: dict[str, Any]) -> None:
    with pytest.raises(InvalidRequestError, match="exactly one stage name"):
        validate_pipeline([stage])
