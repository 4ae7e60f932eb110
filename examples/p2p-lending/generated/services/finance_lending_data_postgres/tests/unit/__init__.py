"""Unit tests: one module or class at a time."""
