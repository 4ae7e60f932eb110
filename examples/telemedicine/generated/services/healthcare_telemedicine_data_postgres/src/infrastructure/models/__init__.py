"""Every model of the service, imported here so that ``Base.metadata`` knows all tables."""

from src.infrastructure.models.base import Base as Base
from src.infrastructure.models.base import EntityModel as EntityModel
from src.infrastructure.models.patient import (
    Patient as Patient,
)
from src.infrastructure.models.doctor import (
    Doctor as Doctor,
)
from src.infrastructure.models.availability_slot import (
    AvailabilitySlot as AvailabilitySlot,
)
from src.infrastructure.models.appointment import (
    Appointment as Appointment,
)
from src.infrastructure.models.medical_record import (
    MedicalRecord as MedicalRecord,
)
from src.infrastructure.models.prescription import (
    Prescription as Prescription,
)
from src.infrastructure.models.reminder import (
    Reminder as Reminder,
)
