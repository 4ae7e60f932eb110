"""The ``/api/v1`` router: every entity router of the service."""

from fastapi import APIRouter

from src.api.v1.patient_router import (
    router as patient_router,
)
from src.api.v1.doctor_router import (
    router as doctor_router,
)
from src.api.v1.appointment_router import (
    router as appointment_router,
)

api_router = APIRouter(prefix="/api/v1")
api_router.include_router(patient_router)
api_router.include_router(doctor_router)
api_router.include_router(appointment_router)
