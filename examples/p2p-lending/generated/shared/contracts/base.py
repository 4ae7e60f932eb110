"""Base class of every contract model."""

from pydantic import BaseModel, ConfigDict


class ContractModel(BaseModel):
    """Pydantic model that can also be read from ORM objects."""

    model_config = ConfigDict(from_attributes=True)
