"""Healthcare Clinic Api: the business API of Clinic; it reaches data over HTTP only."""
