"""Tests of finance_audit_data_mongo."""
