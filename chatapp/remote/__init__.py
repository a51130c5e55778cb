"""Remote engines: OpenAI-compatible servers (llama-server, vLLM ...) a chat can use instead
of the local model. Sockets are opened only for chats the user set to a remote model."""
