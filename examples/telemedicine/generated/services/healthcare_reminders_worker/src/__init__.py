"""Healthcare Reminders Worker: event consumer and scheduled jobs of Telemedicine."""
