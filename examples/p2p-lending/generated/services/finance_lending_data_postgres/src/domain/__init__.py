"""Domain rules and errors, free of any framework."""
