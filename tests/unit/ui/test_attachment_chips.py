"""Attachment chips: before sending (reading, kept, refused, removed) and on a sent message."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from chatapp.history.store import Attachment
from chatapp.ui.attachment_chips import AttachmentChip, ChipRow, usage_text

SHA = "ab" * 32


def test_usage_text_says_how_the_prompt_used_the_file() -> None:
    assert usage_text(Attachment("a.txt", SHA, 10, "text")) == ""
    assert usage_text(Attachment("a.txt", SHA, 10, "text", "whole")) == "whole"
    assert usage_text(Attachment("a.pdf", SHA, 10, "pdf", "retrieved", 12, 40)) == \
        "12 of 40 passages"
    assert usage_text(Attachment("a.pdf", SHA, 10, "pdf", "retrieved", 1, 1)) == \
        "1 of 1 passage"


def state(chip: AttachmentChip) -> tuple[bool, str]:
    return chip.ready, chip.detail_label.text()


def test_a_chip_goes_from_reading_to_kept_or_refused(qtbot: QtBot) -> None:
    chip = AttachmentChip("notes.txt", removable=True)
    qtbot.addWidget(chip)
    assert state(chip) == (False, "reading…")
    chip.set_attachment(Attachment("notes.txt", SHA, 2000, "text"))
    assert state(chip) == (True, "2 KB")
    chip.set_refused("“notes.txt” is not text.")
    assert state(chip) == (False, "not attached")
    assert chip.error == "“notes.txt” is not text."
    assert "not text" in chip.toolTip()
    removed: list[bool] = []
    chip.remove_requested.connect(lambda: removed.append(True))
    assert chip.remove_button is not None
    chip.remove_button.click()
    assert removed == [True]


def test_names_are_shown_as_text_and_long_ones_shortened(qtbot: QtBot) -> None:
    chip = AttachmentChip("<b>bold</b>.txt")
    qtbot.addWidget(chip)
    assert chip.remove_button is None
    assert chip.name_label.text() == "<b>bold</b>.txt"
    assert "&lt;b&gt;" in chip.toolTip()  # escaped, not read as HTML
    long = AttachmentChip("a" * 80 + ".pdf")
    qtbot.addWidget(long)
    assert len(long.name_label.text()) <= 40 and long.name_label.text().endswith("aa.pdf")


def test_a_sent_message_shows_its_files_with_their_use(qtbot: QtBot) -> None:
    holder = QWidget()
    qtbot.addWidget(holder)
    row = ChipRow(holder)
    holder.show()
    assert row.isHidden()  # no files, no row
    files = [Attachment("a.txt", SHA, 100, "text", "whole"),
             Attachment("b.pdf", "cd" * 32, 5_000_000, "pdf", "retrieved", 12, 40)]
    row.show_attachments(files)
    assert row.isVisible()
    assert [c.detail_label.text() for c in row.chips] == ["100 bytes · whole",
                                                          "5 MB · 12 of 40 passages"]
    first = row.chips[0]
    row.show_attachments(files)  # the same: the chips stay
    assert row.chips[0] is first
    row.show_attachments([])
    assert row.chips == [] and row.isHidden()
