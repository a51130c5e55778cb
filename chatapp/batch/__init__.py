"""Batch jobs: one prompt template answered for every row of a file, many rows at once."""
