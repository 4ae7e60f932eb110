"""Business rules, one module per job: edit them, amgen does not overwrite them."""
