"""HTTP plumbing every service of Telemedicine shares: request ids, the error handler, metrics."""
