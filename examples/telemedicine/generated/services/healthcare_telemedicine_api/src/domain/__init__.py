"""Domain errors and the business rules (``rules``), checked before every write."""
