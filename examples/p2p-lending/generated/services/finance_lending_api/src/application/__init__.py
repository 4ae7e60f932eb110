"""Application layer: the use cases, where the business rules live."""
