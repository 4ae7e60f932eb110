"""Tests of healthcare_notifications_bot."""
