"""Domain errors, free of any framework."""
