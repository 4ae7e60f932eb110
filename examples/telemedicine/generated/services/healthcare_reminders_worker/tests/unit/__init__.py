"""Unit tests: no server needed."""
