"""Which Local documents collections a chat may search: one box per collection."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QCheckBox, QGroupBox, QLabel, QVBoxLayout, QWidget

from chatapp.i18n import translate
from chatapp.ui.plain_text import plain_label


class CollectionsChooser(QGroupBox):
    """Checked collections are searched for this chat's questions; ids chosen before but
    no longer listed (the list was not read yet) are kept as they are."""

    def __init__(self, collections: Sequence[tuple[int, str]], chosen: Sequence[int],
                 parent: QWidget | None = None) -> None:
        super().__init__(translate("CollectionsChooser", "Local documents"), parent)
        self.setObjectName("chatCollections")
        layout = QVBoxLayout(self)
        known = {cid for cid, _name in collections}
        self._kept = [cid for cid in chosen if cid not in known]
        self.boxes: dict[int, QCheckBox] = {}
        if not collections:
            note = plain_label(QLabel(translate(
                "CollectionsChooser", "No collections yet: add folders in File ▸ Local "
                "documents, then choose them here."), self))
            note.setWordWrap(True)
            layout.addWidget(note)
        for cid, name in collections:
            # A name is the user's text: "&" would make a shortcut of the next letter.
            box = QCheckBox(name.replace("&", "&&"), self)
            box.setObjectName(f"collection{cid}")
            box.setToolTip(translate("CollectionsChooser", "Passages found in this "
                                     "collection go into this chat's prompts, and the "
                                     "replies cite them"))
            box.setAccessibleDescription(box.toolTip())
            box.setChecked(cid in chosen)
            layout.addWidget(box)
            self.boxes[cid] = box

    def chosen(self) -> list[int]:
        return sorted({*self._kept, *(cid for cid, box in self.boxes.items()
                                      if box.isChecked())})
