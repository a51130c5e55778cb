"""chatapp: chat with language models that run offline on your own CPU."""

__version__ = "0.1.0"
APP_NAME = "chatapp"
