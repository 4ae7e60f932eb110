"""Code shared by every service of Telemedicine: contracts and pure helpers, no I/O."""
