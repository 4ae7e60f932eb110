"""Tests of healthcare_telemedicine_data_postgres."""
