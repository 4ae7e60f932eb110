"""Tests of finance_lending_data_postgres."""
