"""The Local documents pane: collections of the user's folders, indexed for chats."""
