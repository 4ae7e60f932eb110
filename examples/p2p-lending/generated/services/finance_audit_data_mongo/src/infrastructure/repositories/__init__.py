"""Repositories: one per entity and collection."""
