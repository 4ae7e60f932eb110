"""Repositories: one per entity, they read and write rows but never commit."""
