"""Tests through the HTTP API, against the real data service running in-process."""
