"""Healthcare Telemedicine Data Postgres: the data API that owns the Telemedicine database."""
