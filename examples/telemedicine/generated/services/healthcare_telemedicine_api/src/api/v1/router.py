"""The ``/api/v1`` router: every entity router of the service."""

from fastapi import APIRouter

from src.api.v1.patient_router import (
    router as patient_router,
)
from src.api.v1.doctor_router import (
    router as doctor_router,
)
from src.api.v1.availability_slot_router import (
    router as availability_slot_router,
)
from src.api.v1.appointment_router import (
    router as appointment_router,
)
from src.api.v1.medical_record_router import (
    router as medical_record_router,
)
from src.api.v1.prescription_router import (
    router as prescription_router,
)
from src.api.v1.reminder_router import (
    router as reminder_router,
)

api_router = APIRouter(prefix="/api/v1")
api_router.include_router(patient_router)
api_router.include_router(doctor_router)
api_router.include_router(availability_slot_router)
api_router.include_router(appointment_router)
api_router.include_router(medical_record_router)
api_router.include_router(prescription_router)
api_router.include_router(reminder_router)
