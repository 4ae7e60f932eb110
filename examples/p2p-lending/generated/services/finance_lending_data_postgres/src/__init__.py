"""Finance Lending Data Postgres: the data API that owns the P2p Lending database."""
