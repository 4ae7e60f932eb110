"""Tests of finance_lending_api."""

import os
import secrets

TEST_API_KEY = "test-" + secrets.token_urlsafe(24)
"""The API key of this test run; every test client of this service sends it (``tests.helpers.AUTH_HEADERS``)."""

# The settings of every app the tests build read these (set before any test module imports the service).
os.environ["API_KEYS"] = TEST_API_KEY
os.environ.setdefault("JWT_SECRET_KEY", secrets.token_urlsafe(48))
# Cheap bcrypt hashes in tests; production keeps the default of 12 rounds.
os.environ["BCRYPT_ROUNDS"] = "4"
# The run's shared API key is never limited; tests/integration/test_auth.py checks the limit with its own settings.
os.environ["RATE_LIMIT_REQUESTS"] = "1000000"
