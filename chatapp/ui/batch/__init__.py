"""File ▸ Batch…: a prompt template answered for every row of a file (chatapp.batch)."""
