"""HTTP plumbing every service of P2p Lending shares: request ids, the error handler, metrics."""
