"""Finance Notifications Bot: the Telegram bot of P2p Lending."""
