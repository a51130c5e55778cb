"""Turning reply text into displayable pieces (no Qt): Markdown blocks, highlighted code."""
