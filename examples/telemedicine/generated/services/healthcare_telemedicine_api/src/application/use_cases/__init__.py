"""Use cases, one module per entity."""
