"""Chats in and out of the history (no Qt): export to Markdown, HTML and chatapp's own
JSON format (docs/chat-format.md), and import of that JSON and of the llama.cpp web UI's
exports. Files from elsewhere are untrusted: every size is bounded and a file that is
not right is refused whole, before anything is written."""
