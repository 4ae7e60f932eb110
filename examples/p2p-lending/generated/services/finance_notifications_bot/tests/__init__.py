"""Tests of finance_notifications_bot."""
