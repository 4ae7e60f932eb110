"""Code shared by every service of P2p Lending: contracts and pure helpers, no I/O."""
