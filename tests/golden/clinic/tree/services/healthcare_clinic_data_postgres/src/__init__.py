"""Healthcare Clinic Data Postgres: the data API that owns the Clinic database."""
