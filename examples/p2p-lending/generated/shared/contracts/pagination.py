"""Offset pagination: the page model returned by every list endpoint."""

from typing import Generic, TypeVar

from pydantic import BaseModel, Field

DEFAULT_PAGE_LIMIT = 20
MAX_PAGE_LIMIT = 100

ItemT = TypeVar("ItemT")


class Page(BaseModel, Generic[ItemT]):
    """One page of a list: the items plus what is needed to fetch the next one."""

    items: list[ItemT]
    total: int = Field(ge=0, description="Number of items matching the filters, all pages together.")
    limit: int = Field(ge=1, le=MAX_PAGE_LIMIT, description="Maximum number of items in this page.")
    offset: int = Field(ge=0, description="Number of items skipped before this page.")

    @property
    def has_next(self) -> bool:
        """Whether another page follows this one."""
        return self.offset + len(self.items) < self.total
