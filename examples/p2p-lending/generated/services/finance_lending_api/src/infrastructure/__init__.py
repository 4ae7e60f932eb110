"""Adapters to the outside world: the HTTP clients of the data services."""
