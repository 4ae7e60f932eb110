"""Unit of work: the repositories of one request, sharing one session and one transaction."""

from sqlalchemy.ext.asyncio import AsyncSession

from src.infrastructure.repositories.patient_repository import (
    PatientRepository,
)
from src.infrastructure.repositories.doctor_repository import (
    DoctorRepository,
)
from src.infrastructure.repositories.appointment_repository import (
    AppointmentRepository,
)


class UnitOfWork:
    """Repositories bound to one session; changes are kept only when :meth:`commit` is called."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session
        self.patients = PatientRepository(session)
        self.doctors = DoctorRepository(session)
        self.appointments = AppointmentRepository(session)

    async def commit(self) -> None:
        """Make the changes of this unit of work permanent."""
        await self.session.commit()
