"""Tests of the business rules (``src/domain/rules``): yours, like the rules; amgen writes them once."""
