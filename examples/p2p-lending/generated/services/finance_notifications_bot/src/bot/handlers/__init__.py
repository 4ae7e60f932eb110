"""One router per command, plus the common commands and the error handler."""
