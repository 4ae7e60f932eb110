"""Tests of healthcare_reminders_worker."""
