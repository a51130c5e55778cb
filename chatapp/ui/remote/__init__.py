"""Remote servers: the dialog that adds them, and the catalog of their models."""
