"""The Models pane: recommended models, a search of the hub, installed models, downloads."""
