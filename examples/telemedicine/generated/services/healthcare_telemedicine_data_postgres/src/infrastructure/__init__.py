"""Adapters to the database: engine, models, repositories and the unit of work."""
