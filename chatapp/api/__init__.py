"""The local OpenAI-compatible API server: other programs use the loaded model over HTTP."""
