"""Entity contracts (Pydantic schemas) exchanged between the services over HTTP."""
