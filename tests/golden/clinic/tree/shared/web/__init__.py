"""HTTP plumbing every service of Clinic shares: request ids, the error handler, metrics."""
