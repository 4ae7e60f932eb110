"""Tests of healthcare_telemedicine_api."""
