"""Adapters to MongoDB: the client, document conversion and the repositories."""
