"""RFC 9457 problem details: the body of every error response (``application/problem+json``)."""

from http import HTTPStatus
from typing import Any

from pydantic import BaseModel, Field

PROBLEM_JSON_MEDIA_TYPE = "application/problem+json"


class ProblemDetail(BaseModel):
    """An RFC 9457 problem; ``errors`` is an extension member listing validation errors."""

    type: str = Field(default="about:blank", description="URI identifying the problem type.")
    title: str = Field(description="Short summary of the problem type.")
    status: int = Field(ge=100, le=599, description="HTTP status code of this occurrence.")
    detail: str | None = Field(default=None, description="Explanation of this occurrence.")
    instance: str | None = Field(default=None, description="URI reference of this occurrence.")
    errors: list[dict[str, Any]] | None = Field(default=None, description="Validation errors, when there are any.")

    def to_body(self) -> dict[str, Any]:
        """JSON body of the problem, without the members that are not set."""
        return self.model_dump(mode="json", exclude_none=True)


def build_problem(
    status: int,
    detail: str | None = None,
    *,
    instance: str | None = None,
    errors: list[dict[str, Any]] | None = None,
) -> ProblemDetail:
    """Problem of type ``about:blank``: its title is the standard phrase of ``status``."""
    return ProblemDetail(
        title=HTTPStatus(status).phrase,
        status=status,
        detail=detail,
        instance=instance,
        errors=errors,
    )
