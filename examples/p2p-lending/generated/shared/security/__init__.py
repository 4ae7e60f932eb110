"""Security building blocks of the business API: API keys, passwords, JWTs, accounts and refresh tokens, roles, rate limits, the audit log."""
