"""Unit tests: no Telegram, no servers."""
