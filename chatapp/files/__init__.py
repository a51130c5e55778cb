"""The app's own files: written atomically and privately, hashed, locked between processes."""
