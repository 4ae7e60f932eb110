"""Finance Lending Api: the business API of P2p Lending; it reaches data over HTTP only."""
