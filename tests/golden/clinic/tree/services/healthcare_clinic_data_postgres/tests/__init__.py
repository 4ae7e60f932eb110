"""Tests of healthcare_clinic_data_postgres."""
