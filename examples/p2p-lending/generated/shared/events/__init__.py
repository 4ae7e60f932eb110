"""Event contracts published on the `finance.events` exchange: an envelope and one payload per event.

Pure Pydantic models, no I/O: the business API builds and publishes them, consumers parse them.
"""
