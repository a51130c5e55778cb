"""What an empty conversation says: how to get a model, or what to do with it."""

from __future__ import annotations

from chatapp.formatting import format_bytes
from chatapp.i18n import translate
from chatapp.models.starter import STARTER
from chatapp.ui.plain_text import escaped


def no_model_placeholder(starter_available: bool) -> str:
    starter = ("<p>" + translate(
        "Placeholders", "<a href='install-starter'>Install the starter model</a>: {name}, "
        "{size}, included with chatapp, no download needed. It is small and quick rather "
        "than clever.").format(name=escaped(STARTER.display_name),
                                size=format_bytes(STARTER.size_bytes)) + "</p>"
        if starter_available else
        "<p>" + translate("Placeholders", "The starter model is not included in this "
                          "installation: run <code>make run</code> in chatapp's source "
                          "folder, which installs it.") + "</p>"
    )
    return ("<h2>" + translate("Placeholders", "No model is loaded") + "</h2><p>"
            + translate("Placeholders", "chatapp runs language models on this computer: "
                        "your chats never leave it.") + "</p>" + starter + "<p>"
            + translate("Placeholders", "Or <a href='open-model'>open a GGUF model file</a> "
                        "you already have.") + "</p>")


def chat_placeholder(model_name: str) -> str:
    return ("<h2>" + translate("Placeholders", "Ask anything") + "</h2><p>"
            + translate("Placeholders", "Replies are written on this computer by {model}; "
                        "nothing leaves it.").format(model=escaped(model_name)) + "</p>")


def remote_chat_placeholder(model_name: str, host: str) -> str:
    return ("<h2>" + translate("Placeholders", "Ask anything") + "</h2><p>"
            + translate("Placeholders", "Replies in this chat are written by {model} on "
                        "<b>{host}</b>: what you write here is sent there. Choose a local "
                        "model above to keep a chat on this computer.").format(
                            model=escaped(model_name), host=escaped(host)) + "</p>")
