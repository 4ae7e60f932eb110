"""Tests through the HTTP API and against the database migrations."""
