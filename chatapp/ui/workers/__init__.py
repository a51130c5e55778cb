"""QThread workers: the core runs here, and talks to widgets only through signals."""
