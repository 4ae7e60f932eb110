"""Typed async HTTP clients of the data services, one ``httpx.AsyncClient`` per data service and process."""
