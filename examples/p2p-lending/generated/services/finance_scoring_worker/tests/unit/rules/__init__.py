"""Tests of the job rules (``src/application/rules``): yours, like the rules; amgen writes them once."""
