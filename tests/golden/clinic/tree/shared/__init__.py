"""Code shared by every service of Clinic: contracts and pure helpers, no I/O."""
