"""Errors and job outcomes: no I/O."""
