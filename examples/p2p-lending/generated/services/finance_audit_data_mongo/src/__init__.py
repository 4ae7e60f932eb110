"""Finance Audit Data Mongo: the data API that owns the P2p Lending MongoDB collections."""
