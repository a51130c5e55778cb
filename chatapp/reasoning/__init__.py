"""Reasoning models: which convention a model thinks in, and its thought told apart from
its answer as the reply streams. Plain text in, plain text out: no engine, no Qt."""
