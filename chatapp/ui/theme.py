"""The app's look: Qt's Fusion style, light or dark following the system."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from chatapp.ui.markdown_view import is_dark_theme

_COMMON = """
#topBar { border-bottom: 1px solid palette(mid); }
#chatHeader { border-bottom: 1px solid palette(midlight); }
#chatModel { font-weight: 600; }
#chatSettingsSummary { color: %(muted)s; }
#chatSettingsSummary[custom="true"] { color: palette(text); }
#sidebar { background: palette(alternate-base); }
#conversationList { border: none; background: transparent; font-size: 10.5pt; }
#conversationList::item { padding: 7px 6px; border-radius: 6px; color: palette(text); }
#conversationList::item:selected { background: %(selected_bg)s; color: palette(text); }
#newChat, #sendButton { font-weight: 600; padding: 6px 14px; }
#messageRole { font-weight: 700; color: %(muted)s; }
#userMessage { border-radius: 10px; background: %(user_bg)s; }
#assistantMessage { border-radius: 10px; }
#assistantMessage[outOfContext="true"], #userMessage[outOfContext="true"] { color: palette(mid); }
#messageStats { color: %(muted)s; font-size: 8.5pt; }
#messageError, #settingsError { color: %(error)s; }
#copyMessage, #regenerate, #copyCode { padding: 2px 8px; font-size: 8.5pt; }
#codeBlock { border: 1px solid palette(mid); border-radius: 6px; background: %(code_bg)s; }
#codeHeader { background: %(code_header)s; border-top-left-radius: 6px;
              border-top-right-radius: 6px; }
#codeLanguage { color: %(muted)s; font-size: 8.5pt; }
#codeScroll, #codeBody { background: %(code_bg)s; }
#contextNotice { background: %(notice_bg)s; border-radius: 6px; padding: 6px 10px; }
#banner { background: %(error_bg)s; border-bottom: 1px solid %(error)s; }
#composerHint { color: %(muted)s; }
#messageEdit { border: 1px solid palette(mid); border-radius: 8px; padding: 4px; }
#placeholder { color: palette(text); padding: 40px; }
#thinkingToggle { color: %(muted)s; border: none; padding: 2px 4px 2px 0; font-size: 9pt; }
#thinkingToggle:hover { color: palette(text); }
/* A left rule alone ("border-left: ...") draws nothing: all sides, then the left's width. */
#thinkingContent { border: 0px solid %(thinking_rule)s; border-left-width: 2px; }
#thinkingBody { color: %(muted)s; background: transparent; border: none; font-size: 9.5pt; }
#copyThought { padding: 1px 8px; font-size: 8pt; }
#attachmentChip { border: 1px solid palette(mid); border-radius: 8px; background: palette(base); }
#attachmentChip[refused="true"] { border-color: %(error)s; }
#attachmentChip[refused="true"] #attachmentDetail { color: %(error)s; }
#attachmentDetail { color: %(muted)s; font-size: 8.5pt; }
#removeAttachment { padding: 0 2px; border: none; }
#attachButton { font-size: 13pt; padding: 2px 6px; }
#citationsTitle { color: %(muted)s; font-weight: 600; font-size: 8.5pt; }
#citation { text-align: left; padding: 1px 4px; font-size: 9pt; color: palette(link);
            border: none; }
#citation:hover { text-decoration: underline; }
"""

_LIGHT = {
    "user_bg": "#eef3fb", "muted": "#6b7280", "error": "#b42318", "error_bg": "#fdecea",
    "code_bg": "#f6f8fa", "code_header": "#eaeef2", "notice_bg": "#fff6db",
    "selected_bg": "#dbe6f7", "thinking_rule": "#d5dae1",
}
_DARK = {
    "user_bg": "#25324a", "muted": "#9aa3af", "error": "#ff8a80", "error_bg": "#4a2220",
    "code_bg": "#1e1f22", "code_header": "#2b2d31", "notice_bg": "#4a3f1c",
    "selected_bg": "#2f3d57", "thinking_rule": "#3a3f47",
}


# A slim bar without arrows, as chat apps have. Also cheaper: Fusion's bar, repainted each
# time a streaming reply grows, drew its long lines through Qt's paint thread pool,
# waking a thread that takes a core from the model. Set on each bar itself: the
# application's style sheet reaches a scroll area's bars before their parent has a name
# to select it by.
SCROLL_BAR_STYLE = """
QScrollBar:vertical { width: 10px; background: transparent; margin: 2px; }
QScrollBar::handle:vertical { background: palette(mid); border-radius: 3px; min-height: 32px; }
QScrollBar::add-line:vertical, QScrollBar::sub-line:vertical { height: 0; }
QScrollBar::add-page:vertical, QScrollBar::sub-page:vertical { background: transparent; }
"""


def apply_theme(app: QApplication) -> None:
    app.setStyle("Fusion")
    app.setStyleSheet(_COMMON % (_DARK if is_dark_theme() else _LIGHT))
