"""Pure helpers shared by the services: logging setup, problem details, request ids."""
