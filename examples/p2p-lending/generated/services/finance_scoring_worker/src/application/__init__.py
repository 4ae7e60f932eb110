"""The jobs: event handlers, scheduled jobs and their business rules."""
