"""Tests of healthcare_clinic_api."""
