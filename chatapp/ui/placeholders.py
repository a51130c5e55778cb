"""What an empty conversation says: how to get a model, or what to do with it."""

from __future__ import annotations

from chatapp.formatting import format_bytes
from chatapp.models.starter import STARTER
from chatapp.ui.plain_text import escaped


def no_model_placeholder(starter_available: bool) -> str:
    starter = (
        f"<p><a href='install-starter'>Install the starter model</a>: "
        f"{escaped(STARTER.display_name)}, {format_bytes(STARTER.size_bytes)}, included with "
        "chatapp, no download needed. It is small and quick rather than clever.</p>"
        if starter_available else
        "<p>The starter model is not included in this installation: run "
        "<code>make run</code> in chatapp's source folder, which installs it.</p>"
    )
    return ("<h2>No model is loaded</h2><p>chatapp runs language models on this computer: "
            "your chats never leave it.</p>" + starter +
            "<p>Or <a href='open-model'>open a GGUF model file</a> you already have.</p>")


def chat_placeholder(model_name: str) -> str:
    return ("<h2>Ask anything</h2><p>Replies are written on this computer by "
            f"{escaped(model_name)}; nothing leaves it.</p>")


def remote_chat_placeholder(model_name: str, host: str) -> str:
    return ("<h2>Ask anything</h2><p>Replies in this chat are written by "
            f"{escaped(model_name)} on <b>{escaped(host)}</b>: what you write here is sent "
            "there. Choose a local model above to keep a chat on this computer.</p>")
