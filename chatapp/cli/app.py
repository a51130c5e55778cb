"""``chatapp`` without a command: the window, its self-test and the starter model."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from chatapp import __version__
from chatapp.cli.common import open_paths
from chatapp.engine.load_probe import PROBE_FLAG
from chatapp.paths import AppPaths


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="chatapp",
        description="Chat with language models that run offline on this computer.",
    )
    parser.add_argument("--version", action="version", version=f"chatapp {__version__}")
    parser.add_argument("--self-test", action="store_true",
                        help="run the app offscreen, answer one message with the model, "
                             "check the history, print one JSON line and exit")
    parser.add_argument("--model", type=Path, metavar="PATH",
                        help="with --self-test: the GGUF model to use (default: the "
                             "starter model)")
    parser.add_argument("--timeout", type=float, default=300.0, metavar="SECONDS",
                        help="with --self-test: give up after this long (default 300)")
    parser.add_argument("--install-starter-model", action="store_true",
                        help="copy the bundled starter model into the models folder if no "
                             "model is installed there yet, then exit")
    parser.add_argument(PROBE_FLAG, type=Path, help=argparse.SUPPRESS)
    parser.epilog = (
        "commands, without a window: chatapp ask QUESTION; chatapp chat; chatapp models "
        "list|pull|rm; chatapp serve; chatapp export [--format md|html|json] "
        "[--all | CHAT_ID ...] -o PATH; chatapp import PATH; chatapp search QUERY; "
        "chatapp list (chatapp COMMAND --help for more)")
    return parser


def run_app(argv: list[str] | None) -> int:
    args, qt_args = build_parser().parse_known_args(argv)
    if args.probe_model is not None:
        from chatapp.engine.load_probe import run_probe_child

        return run_probe_child(args.probe_model)
    if args.self_test:
        from chatapp.ui.self_test import run_self_test

        return run_self_test(args.model, args.timeout)
    paths = open_paths()
    if args.install_starter_model:
        return _install_starter_if_needed(paths)
    from chatapp.ui.application import run_gui

    return run_gui(paths, [sys.argv[0], *qt_args])


def _install_starter_if_needed(paths: AppPaths) -> int:
    from chatapp.models.errors import StarterModelError
    from chatapp.models.library import installed_models
    from chatapp.models.starter import install_starter

    models = installed_models(paths.models_dir)
    if models:
        print(f"Models already installed in {paths.models_dir}: "
              f"{', '.join(m.name for m in models)}")
        return 0
    try:
        target = install_starter(paths.models_dir)
    except StarterModelError as error:
        print(error.user_message, file=sys.stderr)
        return 1
    print(f"Installed the starter model: {target}")
    return 0
