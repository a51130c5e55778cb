"""Take the README's screenshots of the real app with the real model.

Run under a real X server (``make screenshots`` uses xvfb-run) or offscreen. Each shot
starts the app in a temporary CHATAPP_HOME:

- ``screenshot-first-run.png``: no model yet.
- ``screenshot.png``: the starter model answering a question whose answer has code;
  ``screenshot-dark.png``: the same in the dark theme; ``screenshot-arabic.png``: the
  same with the window in Arabic, laid out right to left (the model answers in English:
  the window's language is not the model's).
- ``screenshot-thinking.png``: a reasoning reply: one thought folded to "Thought for …"
  above its answer, the next one thinking live. The starter model does not think; it
  gets Qwen3's chat template and a grammar makes it write as Qwen3 does (the tests'
  way, tests/reasoning_grammars.py).
- ``screenshot-organized.png``: chats grouped by day with one pinned, a chat started
  from a preset (the header above it) whose reply was regenerated (the 2/2 switcher);
  ``screenshot-search.png``: the same with the search over all chats (Ctrl+K) open.
- ``screenshot-attachments.png``: a question with two files attached (one given whole,
  one too large for the context, of which the passages about the question went in), the
  reply with its numbered sources, and the next file waiting as a chip above the box.
- ``screenshot-documents.png``: the Local documents pane with two collections indexed,
  one holding a password-protected PDF it could not read (listed first, with why).
- ``screenshot-remote.png``: a chat whose replies come from a remote OpenAI-compatible
  server (a real llama-server with the starter model on 127.0.0.1, as the tests run it):
  the picker shows the remote model with its host, the header where replies come from.
- ``screenshot-batch.png``: the Batch window mid-run: product reviews from a CSV file
  summarized four at a time by the starter model, one row lacking its review (its error
  counted, the job going on).
- ``models-recommended.png``, ``models-search.png``, ``models-installed.png``: the
  Models pane, its search and downloads served by the stand-in hub the tests use
  (this machine cannot reach huggingface.co), with a download in progress;
  ``models-arabic.png``: its Recommended tab in Arabic, right to left.
- ``screenshot-shortcuts.png``: the keyboard shortcuts overview (Ctrl+/).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from chatapp.conversation.chat_settings import RemoteModelRef
from chatapp.conversation.presets import Preset
from chatapp.history.store import HistoryStore
from chatapp.models import template_overrides
from chatapp.models.starter import find_starter_source, install_starter
from chatapp.paths import HOME_ENV, AppPaths
from chatapp.settings import Settings
from chatapp.ui.application import create_application, create_main_window
from chatapp.ui.main_window import MainWindow
from chatapp.ui.model_manager.pane import ModelsPane
from chatapp.vocabulary import ThemeChoice

DAY_S = 86_400.0
QUESTION = "Write a Python function that reverses a string, with a short explanation."


def wait_until(ready: Callable[[], bool], timeout_s: float = 180.0) -> None:
    deadline = time.monotonic() + timeout_s
    loop = QEventLoop()
    timer = QTimer()
    timer.timeout.connect(lambda: loop.quit() if ready() or time.monotonic() > deadline
                          else None)
    timer.start(30)
    loop.exec()
    timer.stop()
    if not ready():
        raise SystemExit("timed out")


def settle(seconds: float = 0.5) -> None:
    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()


def grab(window: QWidget, out: Path, *, screen: bool = True) -> None:
    """The whole (virtual) screen as a user sees it, or just one window."""
    settle()
    if screen and os.environ.get("QT_QPA_PLATFORM") != "offscreen":
        picture = QGuiApplication.primaryScreen().grabWindow(0)
    else:
        picture = window.grab()
    picture.save(str(out))
    print(f"saved {out}")


def new_home() -> AppPaths:
    home = Path(tempfile.mkdtemp(prefix="chatapp-shots-"))
    os.environ[HOME_ENV] = str(home)
    paths = AppPaths.portable(home)
    paths.ensure()
    return paths


def first_run(out: Path) -> None:
    window = create_main_window(new_home(), Settings())
    window.show()
    wait_until(lambda: not window.session.busy and window.session.last_scan is not None)
    grab(window, out)
    window.close()


def conversation(model: Path, out: Path, *, theme: ThemeChoice = ThemeChoice.LIGHT,
                 language: str = "en") -> None:
    window = create_main_window(new_home(), Settings(
        last_model_path=str(model), temperature=0.2, max_reply_tokens=300, theme=theme,
        language=language))
    window.show()
    wait_until(lambda: window.session.model is not None)
    window.composer.edit.setPlainText(QUESTION)
    window.composer.edit.submitted.emit()
    wait_until(lambda: window.session.turn is not None)
    wait_until(lambda: window.session.turn is None)
    window.composer.edit.setPlainText("Thanks! And in JavaScript?")
    grab(window, out)
    window.close()


def thinking(model: Path, out: Path) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from tests.reasoning_grammars import THINK_TAGS, replies_follow

    paths = new_home()
    template = (_sdist_templates() / "Qwen-Qwen3-0.6B.jinja").read_text(encoding="utf-8")
    template_overrides.save(model, template, paths.chat_templates_dir)
    window = create_main_window(paths, Settings(last_model_path=str(model),
                                                temperature=0.2, max_reply_tokens=300,
                                                thinking_budget_tokens=150))
    window.show()
    wait_until(lambda: window.session.model is not None)
    # A bounded repetition as long as a real thought makes llama.cpp's grammar slow;
    # past its first words the thought is free, and ends when the model ends it.
    grammar = THINK_TAGS.replace("[a-z ]{20,80}", "[a-z ]{30} [a-z ]*").replace(
        '[a-z ]{5,30} "."', "[a-zA-Z ,']{10} [a-zA-Z ,']* \".\"")
    with replies_follow(grammar):
        window.composer.edit.setPlainText("Why is the sky blue?")
        window.composer.edit.submitted.emit()
        wait_until(lambda: window.session.turn is not None)
        wait_until(lambda: window.session.turn is None)
        window.composer.edit.setPlainText("And why are sunsets red?")
        window.composer.edit.submitted.emit()

        def thinking_a_while() -> bool:
            replies = [m for m in window.view.messages if m.role == "assistant"]
            block = replies[-1].thinking if len(replies) == 2 else None
            return block is not None and block.is_live and len(block.text) > 200
        wait_until(thinking_a_while)
        grab(window, out)
        window.session.stop()
        wait_until(lambda: window.session.turn is None)
    window.close()


def organized(model: Path, out: Path, search_out: Path) -> None:
    paths = new_home()
    now = time.time()
    earlier = [("Pasta for six people", 40 * DAY_S, True),
               ("Trip to Lisbon: what to pack", 20 * DAY_S, False),
               ("Explain Python decorators", 4 * DAY_S, False),
               ("Birthday message for Sam", 1 * DAY_S, False)]
    for title, age_s, pinned in earlier:
        with HistoryStore(paths.history_db, clock=partial(float, now - age_s)) as store:
            chat = store.create_conversation(title)
            store.add_message(chat.id, "user", f"{title}?")
            store.add_message(chat.id, "assistant", "Here is what I would suggest, "
                              "with a few Python examples.")
            store.set_pinned(chat.id, pinned)
    window = create_main_window(paths, Settings(last_model_path=str(model),
                                                temperature=0.7, max_reply_tokens=120))
    window.show()
    wait_until(lambda: window.session.model is not None and window.session.current is not None)
    tutor = Preset("Python tutor", {"system_prompt": "You are a patient Python tutor. "
                                    "Answer briefly, with one example.", "temperature": 0.7})
    window.session.save_preset(tutor)
    window.session.new_chat_from_preset(tutor)  # File ▸ New chat from preset
    window.composer.edit.setPlainText("What is a Python list comprehension?")
    window.composer.edit.submitted.emit()
    wait_until(lambda: window.session.turn is not None)
    wait_until(lambda: window.session.turn is None and window.session.current is not None)
    window.session.regenerate()
    wait_until(lambda: window.session.turn is not None)
    wait_until(lambda: window.session.turn is None)
    grab(window, out)
    window.search_panel.open_panel()
    window.search_panel.field.setText("python")
    wait_until(window.search_panel.isVisible)
    settle(1.0)
    grab(window, search_out)
    window.search_panel.close()
    window.close()


def _keeper_log() -> str:
    """A long Markdown log: only the passages about the question fit the context."""
    days = []
    for day in range(1, 61):
        days.append(f"## Day {day}\n\nWind from the west, force {day % 7 + 2}. The lamp was "
                    "trimmed at dusk and the brass polished; two ships passed the point "
                    "before midnight, and the log was signed at dawn.")
    days.insert(41, "## The cat\n\nThe keeper's cat, Quintus, slept on the warm lamp-room "
                    "floor all winter and caught three mice in the oil store.")
    return "# Keeper's log, 1911\n\n" + "\n\n".join(days) + "\n"


def attachments(model: Path, out: Path) -> None:
    folder = Path(tempfile.mkdtemp(prefix="chatapp-shots-files-"))
    notes = folder / "island-notes.txt"
    notes.write_text("Skerry Island light, notes for the relief keeper.\n\nThe lighthouse "
                     "keeper's cat is named Quintus. Feed him at six.\n", encoding="utf-8")
    log = folder / "keepers-log-1911.md"
    log.write_text(_keeper_log(), encoding="utf-8")
    tides = folder / "tide-tables.txt"
    tides.write_text("High water 06:12, 18:40.\n", encoding="utf-8")
    window = create_main_window(new_home(), Settings(
        last_model_path=str(model), temperature=0.2, max_reply_tokens=60,
        context_length=2048))
    window.show()
    wait_until(lambda: window.session.model is not None)
    window.composer.attach_paths([notes, log])
    wait_until(lambda: not window.composer.reading)
    window.composer.edit.setPlainText("What is the lighthouse keeper's cat named?")
    window.composer.edit.submitted.emit()
    wait_until(lambda: window.session.turn is not None)
    wait_until(lambda: window.session.turn is None)
    wait_until(lambda: bool(window.view.messages)
               and window.view.messages[-1].citations is not None)
    window.composer.attach_paths([tides])
    wait_until(lambda: not window.composer.reading)
    window.composer.edit.setPlainText("And when is high water?")
    grab(window, out)
    window.close()


def documents_pane(out: Path) -> None:
    """Local documents with two collections indexed, one with a file it could not read."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from tests.unit.documents.pdf_files import encrypt_pdf, make_pdf

    root = Path(tempfile.mkdtemp(prefix="chatapp-shots-docs-"))
    island = root / "Skerry Island"
    (island / "logs").mkdir(parents=True)
    (island / "relief-keeper-notes.md").write_text(
        "# Notes for the relief keeper\n\nThe cat is named Quintus. Feed him at six.\n\n"
        "## The lamp\n\nTrim the wick at dusk; polish the brass every morning.\n")
    (island / "logs" / "keepers-log-1911.md").write_text(
        "# Keeper's log, 1911\n\n" + "\n\n".join(
            f"## Day {day}\n\nWind from the west, force {day % 7 + 2}. Two ships passed "
            "the point before midnight." for day in range(1, 41)) + "\n")
    (island / "tide-tables.txt").write_text("High water 06:12, 18:40.\n")
    (island / "lamp-manual.pdf").write_bytes(make_pdf(
        ["Lamp manual. Page one: the burner.", "Page two: the clockwork.",
         "Page three: the lens and its cleaning."]))
    (island / "supply-contract.pdf").write_bytes(
        encrypt_pdf(make_pdf(["Supply contract."]), "secret"))
    recipes = root / "Recipes"
    recipes.mkdir()
    for name, text in (("bread.md", "# Bread\n\nFlour, water, salt and time.\n"),
                       ("fish-stew.txt", "Fish stew: cod, potatoes, leeks, cream.\n"),
                       ("oatcakes.md", "# Oatcakes\n\nOats, butter, a pinch of salt.\n")):
        (recipes / name).write_text(text)
    window = create_main_window(new_home(), Settings())
    window.show()
    wait_until(lambda: not window.session.busy and window.session.last_scan is not None)
    pane = window.open_documents_pane()
    pane.add_collection("Skerry Island", [island])
    pane.add_collection("Recipes", [recipes])
    wait_until(lambda: len(pane.states) == 2 and not pane.worker.busy
               and all(s.stats.files and not s.stats.pending for s in pane.states))
    pane.table.selectRow(0)
    wait_until(lambda: pane.files.rowCount() == 5)
    pane.move(window.pos())
    grab(pane, out, screen=False)
    window.close()


def remote(model: Path, out: Path) -> None:
    """A chat on a remote server: llama-server (built by make llama-server) with the
    starter model, added as the user adds it; the local model stays loaded beside it."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from tests.remote_server import start_llama_server, stop_llama_server

    server = start_llama_server(model, Path(tempfile.mkdtemp(prefix="chatapp-shots-server-"))
                                / "llama-server.log")
    try:
        window = create_main_window(new_home(), Settings(
            last_model_path=str(model), temperature=0.2, max_reply_tokens=160))
        window.show()
        wait_until(lambda: window.session.model is not None)
        catalog = window.session.remote
        catalog.add(server.url, "Workstation", "", lambda _added: None,
                    lambda error: print(error.user_message))
        wait_until(lambda: bool(catalog.listings) and bool(catalog.listings[0].models))
        listing = catalog.listings[0]
        window.session.choose_remote_model(RemoteModelRef(listing.server.id,
                                                          listing.models[0]))
        window.composer.edit.setPlainText("What does a lighthouse keeper do all day?")
        window.composer.edit.submitted.emit()
        wait_until(lambda: window.session.turn is not None)
        wait_until(lambda: window.session.turn is None)
        window.composer.edit.setPlainText("And at night?")
        grab(window, out)
        window.close()
    finally:
        stop_llama_server(server.process)


REVIEWS = [
    ("Kettle", "Boils fast and the handle stays cool. The lid is a bit stiff."),
    ("Headphones", "Great sound, but the ear pads got warm after an hour."),
    ("Backpack", "Survived a week of rain and a flight. Zips are sturdy."),
    ("Desk lamp", "The light is harsh and the switch broke in a month."),
    ("Running shoes", "Light and comfortable from the first run; good grip on trails."),
    ("Coffee grinder", ""),
    ("Blender", "Loud, but it crushes ice in seconds and cleans up easily."),
    ("Phone case", "Cracked on the second drop. Looks nice, protects little."),
    ("Water bottle", "Keeps water cold all day; the cap leaks if tipped over."),
    ("Office chair", "Easy to assemble, good lumbar support, armrests wobble."),
    ("Toaster", "Toasts unevenly: one side pale, the other nearly burnt."),
    ("Umbrella", "Folds small and held up in strong wind. Worth the price."),
] * 2


def batch_window(model: Path, out: Path) -> None:
    """File > Batch…: reviews summarized four at a time, shot while the job runs."""
    import csv

    folder = Path(tempfile.mkdtemp(prefix="chatapp-shots-batch-"))
    source = folder / "reviews.csv"
    with source.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "product", "review"])
        for n, (product, review) in enumerate(REVIEWS, start=1):
            # One row lacks its review, as exported tables do: its error is counted.
            writer.writerow([f"R{n:03}", product] + ([review] if review else []))
    window = create_main_window(new_home(), Settings(last_model_path=str(model),
                                                     temperature=0.2))
    window.show()
    wait_until(lambda: window.session.model is not None)
    batch = window.open_batch_window()
    batch.template.setPlainText(
        "Summarize this review of a {product} in one sentence, then say whether it is "
        "positive or negative.\n\nReview: {review}")
    batch.set_input(source)
    batch.reply_tokens.setValue(64)
    wait_until(batch.start_button.isEnabled)
    batch.start()
    wait_until(lambda: batch.progress.value() >= 10 and "left" in batch.rates.text()
               and batch.failures.isVisible())
    batch.move(window.pos())
    grab(batch, out, screen=False)
    batch.cancel()
    wait_until(lambda: not batch.running)
    window.close()


def _sdist_templates() -> Path:
    configured = os.environ.get("CHATAPP_LLAMA_SDIST_DIR")
    sdist = Path(configured) if configured else (
        Path(__file__).resolve().parents[1] / "build" / "sdist" / "llama_cpp_python-0.3.36")
    return sdist / "vendor" / "llama.cpp" / "models" / "templates"


def shown_models_pane(window: MainWindow) -> ModelsPane:
    """The window's Models pane, open over it with its speed column filled."""
    window.open_models_pane()
    wait_until(lambda: window.models_pane is not None and window.models_pane.isVisible())
    pane = window.models_pane
    assert pane is not None
    wait_until(lambda: pane.speeds.estimator is not None)
    settle()
    pane.move(window.pos())
    return pane


def models_in_arabic(out: Path) -> None:
    """The Recommended tab right to left (no reply first: its catalog needs no model)."""
    paths = new_home()
    install_starter(paths.models_dir)
    window = create_main_window(paths, Settings(language="ar", theme=ThemeChoice.LIGHT))
    window.show()
    wait_until(lambda: not window.session.busy and window.session.last_scan is not None)
    grab(shown_models_pane(window), out, screen=False)
    window.close()


def shortcuts(out: Path) -> None:
    window = create_main_window(new_home(), Settings(language="en", theme=ThemeChoice.LIGHT))
    window.show()
    wait_until(lambda: not window.session.busy and window.session.last_scan is not None)
    dialog = window.show_shortcuts()
    settle(0.8)
    grab(window, out)
    dialog.close()
    window.close()


def models_pane(model: Path, out_dir: Path) -> None:
    # The stand-in hub lives with the tests; it serves the real SmolLM2 file.
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from tests.hub_stand_in.content import MEDIUM_FILE, populate, write_blobs
    from tests.hub_stand_in.server import StandInHub

    paths = new_home()
    install_starter(paths.models_dir)
    with StandInHub() as hub:
        populate(hub, write_blobs(Path(tempfile.mkdtemp(prefix="hub-blobs-"))), model)
        hub.set_faults(throttle_bytes_per_s=400_000)  # slow enough to catch it mid-way
        window: MainWindow = create_main_window(paths, Settings(
            last_model_path=str(paths.models_dir / model.name), hub_endpoint=hub.endpoint,
            language="en", theme=ThemeChoice.LIGHT))
        window.show()
        wait_until(lambda: window.session.model is not None)
        # One reply first: the starter model's speed column shows what it measured here.
        window.composer.edit.setPlainText("Write three sentences about the sea.")
        window.composer.edit.submitted.emit()
        wait_until(lambda: window.session.turn is not None)
        wait_until(lambda: window.session.turn is None)
        pane = shown_models_pane(window)
        grab(pane, out_dir / "models-recommended.png", screen=False)

        search = pane.search
        pane.tabs.setCurrentWidget(search)
        search.search_edit.setText("GGUF")
        search.search()
        wait_until(lambda: len(search.repos) > 5)
        medium = next(i for i, r in enumerate(search.repos) if "medium" in r.repo_id)
        search.repo_table.selectRow(medium)
        wait_until(lambda: search.listing is not None)
        listing = search.listing
        assert listing is not None
        search.file_table.selectRow(next(i for i, m in enumerate(listing.models)
                                         if m.first_file.path == MEDIUM_FILE))
        wait_until(lambda: search.header is not None)
        search.download_button.click()
        wait_until(lambda: any(r.status.bytes_done > 2_000_000
                               for r in pane.downloads.rows.values()))
        grab(pane, out_dir / "models-search.png", screen=False)

        pane.tabs.setCurrentWidget(pane.installed)
        wait_until(lambda: pane.installed.table.rowCount() > 0)
        pane.installed.table.selectRow(0)
        grab(pane, out_dir / "models-installed.png", screen=False)
        hub.set_faults(throttle_bytes_per_s=None)
        window.close()


def looks(model: Path, out_dir: Path) -> None:
    """Both themes, the right-to-left translation and the shortcuts overview."""
    conversation(model, out_dir / "screenshot.png")
    conversation(model, out_dir / "screenshot-dark.png", theme=ThemeChoice.DARK)
    conversation(model, out_dir / "screenshot-arabic.png", language="ar")
    shortcuts(out_dir / "screenshot-shortcuts.png")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out-dir", type=Path, default=Path(__file__).parent)
    parser.add_argument("--only", choices=["attachments", "batch", "documents", "looks",
                                            "models", "remote"],
                        help="take only this shot (the others are not renewed)")
    args = parser.parse_args()
    model = find_starter_source()
    if model is None:
        raise SystemExit("the starter model is not installed")
    create_application([sys.argv[0]])
    QGuiApplication.styleHints().setColorScheme(Qt.ColorScheme.Light)
    if args.only == "attachments":
        attachments(model, args.out_dir / "screenshot-attachments.png")
        return 0
    if args.only == "documents":
        documents_pane(args.out_dir / "screenshot-documents.png")
        return 0
    if args.only == "models":
        models_pane(model, args.out_dir)
        models_in_arabic(args.out_dir / "models-arabic.png")
        return 0
    if args.only == "looks":
        looks(model, args.out_dir)
        return 0
    if args.only == "remote":
        remote(model, args.out_dir / "screenshot-remote.png")
        return 0
    if args.only == "batch":
        batch_window(model, args.out_dir / "screenshot-batch.png")
        return 0
    first_run(args.out_dir / "screenshot-first-run.png")
    looks(model, args.out_dir)
    thinking(model, args.out_dir / "screenshot-thinking.png")
    organized(model, args.out_dir / "screenshot-organized.png",
              args.out_dir / "screenshot-search.png")
    models_pane(model, args.out_dir)
    models_in_arabic(args.out_dir / "models-arabic.png")
    documents_pane(args.out_dir / "screenshot-documents.png")
    attachments(model, args.out_dir / "screenshot-attachments.png")
    remote(model, args.out_dir / "screenshot-remote.png")
    batch_window(model, args.out_dir / "screenshot-batch.png")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
