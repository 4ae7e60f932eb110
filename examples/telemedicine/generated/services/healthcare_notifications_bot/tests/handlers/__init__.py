"""Handler tests: updates fed to the dispatcher, Telegram replaced by a recording session."""
