"""Rules for the aggregation pipelines clients may run: read-only stages and operators, bounded output.

A pipeline is a list of stages, each an object with exactly one stage name. Only the stages in
:data:`ALLOWED_STAGES` are accepted; operators that run JavaScript, read other collections or write anywhere are
refused at any depth. The pipeline always ends with a ``$limit`` of :data:`MAX_RESULTS` documents.
"""

from collections.abc import Mapping, Sequence
from typing import Any

from src.domain.errors import InvalidRequestError

MAX_STAGES = 20
MAX_RESULTS = 1000

ALLOWED_STAGES: frozenset[str] = frozenset(
    {
        "$match",
        "$group",
        "$sort",
        "$limit",
        "$skip",
        "$project",
        "$count",
        "$unwind",
        "$sortByCount",
        "$addFields",
        "$set",
        "$unset",
    }
)
"""Stages that only read the documents of the collection the pipeline runs on."""

FORBIDDEN_OPERATORS: frozenset[str] = frozenset(
    {
        "$where",
        "$function",
        "$accumulator",
        "$lookup",
        "$graphLookup",
        "$unionWith",
        "$out",
        "$merge",
        "$currentOp",
        "$listSessions",
        "$collStats",
        "$indexStats",
        "$planCacheStats",
    }
)
"""Operators refused anywhere in a pipeline: JavaScript, access to other collections, writes, server internals."""


def _check_operators(value: Any, path: str) -> None:
    if isinstance(value, Mapping):
        for key, item in value.items():
            if key in FORBIDDEN_OPERATORS:
                raise InvalidRequestError(f"The operator {key} is not allowed (at {path}).")
            _check_operators(item, f"{path}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _check_operators(item, f"{path}[{index}]")


def validate_pipeline(stages: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """The pipeline to run for ``stages``; raises :class:`InvalidRequestError` when it is not allowed."""
    if not stages:
        raise InvalidRequestError("The pipeline needs at least one stage.")
    if len(stages) > MAX_STAGES:
        raise InvalidRequestError(f"The pipeline has more than {MAX_STAGES} stages.")
    pipeline: list[dict[str, Any]] = []
    for index, stage in enumerate(stages):
        if len(stage) != 1:
            raise InvalidRequestError(f"Stage {index} must have exactly one stage name.")
        name = next(iter(stage))
        if name not in ALLOWED_STAGES:
            allowed = ", ".join(sorted(ALLOWED_STAGES))
            raise InvalidRequestError(f"The stage {name} is not allowed; allowed stages: {allowed}.")
        _check_operators(stage[name], f"stage {index} {name}")
        pipeline.append({name: stage[name]})
    pipeline.append({"$limit": MAX_RESULTS})
    return pipeline
