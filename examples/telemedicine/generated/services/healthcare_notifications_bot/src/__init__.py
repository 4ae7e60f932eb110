"""Healthcare Notifications Bot: the Telegram bot of Telemedicine."""
