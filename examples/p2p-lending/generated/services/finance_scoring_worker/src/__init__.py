"""Finance Scoring Worker: event consumer and scheduled jobs of P2p Lending."""
