"""Healthcare Telemedicine Api: the business API of Telemedicine; it reaches data over HTTP only."""
