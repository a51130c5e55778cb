"""Conversations: turning a user message into a saved, streamed reply."""
