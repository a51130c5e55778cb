"""Secrets the app keeps for the user, only ever in the operating system's keyring."""
