"""Every model of the service, imported here so that ``Base.metadata`` knows all tables."""

from src.infrastructure.models.base import Base as Base
from src.infrastructure.models.base import EntityModel as EntityModel
from src.infrastructure.models.patient import (
    Patient as Patient,
)
from src.infrastructure.models.doctor import (
    Doctor as Doctor,
)
from src.infrastructure.models.appointment import (
    Appointment as Appointment,
)
