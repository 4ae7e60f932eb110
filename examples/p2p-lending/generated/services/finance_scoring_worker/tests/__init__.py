"""Tests of finance_scoring_worker."""
