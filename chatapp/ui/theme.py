"""The app's look: a light and a dark palette, one style sheet, one spacing and type scale.

Every colour, distance and text size the style sheet uses is a named token here, so the
two themes differ only in their :class:`Colours` and a text size change is one number.
:class:`ThemeController` applies them to the application (a QPalette for Qt's own
drawing, the style sheet for our widgets) and applies them again when the user chooses
another theme or text size, or, with the system's theme, when the system changes it.
Widgets that draw colours of their own (highlighted code) listen to its ``changed``.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path
from string import Template

from PySide6.QtCore import QObject, QPointF, Qt, QTemporaryDir, Signal
from PySide6.QtGui import (
    QColor,
    QFontDatabase,
    QGuiApplication,
    QImage,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QApplication

from chatapp.settings import LIMITS
from chatapp.vocabulary import ThemeChoice

__all__ = ["DARK", "LIGHT", "SCROLL_BAR_STYLE", "Colours", "ThemeController", "apply_theme",
           "current", "readable_width", "style_sheet"]

# -- the spacing scale (px) ------------------------------------------------------------
SPACE_1 = 2
SPACE_2 = 4
SPACE_3 = 8
SPACE_4 = 12
SPACE_5 = 16
SPACE_6 = 24
RADIUS_SMALL = 6
RADIUS = 8
RADIUS_LARGE = 14  # the user's bubble, the message box

# -- the type scale: multiples of the system's font size (the chat's also of the user's
# text size) -------------------------------------------------------------------------
TEXT_SMALL = 0.85
TEXT_BODY = 1.0
TEXT_LARGE = 1.3
TEXT_CODE = 0.95  # a monospace font looks larger than the prose around it at one size

# The conversation's column at most this wide at 100 % text size (about 50 em of 16 px):
# longer lines are hard to read. It grows with the text size, keeping the words per line.
READABLE_WIDTH_PX = 800
# The user's bubble takes at most this share of the column.
BUBBLE_SHARE = 0.75


@dataclass(frozen=True)
class Colours:
    """One theme's colours (hex), by what they are for."""

    window: str  # behind panels and bars
    base: str  # the conversation, inputs, lists
    surface: str  # the sidebar, alternate rows
    text: str
    muted: str  # secondary text: roles, stats, hints
    disabled: str
    border: str  # quiet separators
    border_strong: str  # the outline of inputs and buttons
    button: str
    hover: str
    pressed: str
    accent: str  # the primary action (Send), selection, the focus ring
    accent_hover: str
    accent_pressed: str
    accent_text: str
    accent_ring: str  # the focus ring around an accent-coloured button
    selected: str  # a selected list row
    user_bubble: str
    code_bg: str
    code_header: str
    error: str
    error_bg: str
    notice_bg: str
    link: str
    thinking_rule: str
    tooltip_bg: str
    tooltip_text: str
    dark: bool


LIGHT = Colours(
    window="#f5f6f8", base="#ffffff", surface="#eef0f3", text="#1f2328", muted="#667085",
    disabled="#a3a9b3", border="#e3e6ea", border_strong="#c9ced6", button="#ffffff",
    hover="#eceef2", pressed="#e0e3e8", accent="#2f6fed", accent_hover="#2962d6",
    accent_pressed="#2356bd", accent_text="#ffffff", accent_ring="#16357a",
    selected="#dfe8fc", user_bubble="#eaf0fb", code_bg="#f6f8fa", code_header="#eaeef2",
    error="#b42318", error_bg="#fdecea", notice_bg="#fff4d6", link="#2457c5",
    thinking_rule="#d5dae1", tooltip_bg="#1f2328", tooltip_text="#ffffff", dark=False,
)
DARK = Colours(
    window="#18191c", base="#1f2023", surface="#25262a", text="#e6e7ea", muted="#9ba1ab",
    disabled="#62666e", border="#303237", border_strong="#464950", button="#2a2c31",
    hover="#2f3136", pressed="#383b41", accent="#5b8def", accent_hover="#6d9af2",
    accent_pressed="#4a7ddf", accent_text="#ffffff", accent_ring="#cfdcff",
    selected="#2c3a57", user_bubble="#2a3345", code_bg="#161719", code_header="#232428",
    error="#ff8a80", error_bg="#4a2220", notice_bg="#453a1a", link="#8ab4f8",
    thinking_rule="#3a3f47", tooltip_bg="#e6e7ea", tooltip_text="#18191c", dark=True,
)

# ONE style sheet for the app; $tokens come from Colours, the scales and the text size.
# A rule that gives a control its own border also has its own :focus rule: an id
# selector outweighs the general "QPushButton:focus".
_TEMPLATE = Template("""
QToolTip { color: $tooltip_text; background: $tooltip_bg; border: none;
           padding: ${space_2}px ${space_3}px; }

QPushButton { background: $button; color: $text; border: 1px solid $border_strong;
              border-radius: ${radius}px; padding: 3px ${space_4}px;
              min-height: ${control}px; }
QPushButton:hover { background: $hover; }
QPushButton:pressed { background: $pressed; }
QPushButton:focus { border: 2px solid $accent; padding: 2px 11px; }
QPushButton:disabled { color: $disabled; background: $window; border-color: $border; }
QPushButton:flat { background: transparent; border: 1px solid transparent; }
QPushButton:flat:hover { background: $hover; }
QPushButton:flat:focus { border: 2px solid $accent; }
/* Buttons in table rows (Download, Load) stay as compact as the rows. */
QAbstractItemView QPushButton { padding: 1px ${space_3}px; min-height: 0; }
QAbstractItemView QPushButton:focus { padding: 0 7px; }

QToolButton { background: transparent; color: $text; border: 1px solid transparent;
              border-radius: ${radius_small}px; padding: ${space_2}px; }
QToolButton:hover { background: $hover; }
QToolButton:pressed { background: $pressed; }
QToolButton:focus { border: 2px solid $accent; padding: 3px; }
QToolButton:disabled { color: $disabled; }
#messageActions::menu-indicator { image: none; width: 0; }

/* Combo and spin boxes keep Fusion's drawing (in the palette's colours): a style sheet
   border would take their arrows, which then need images of their own. */
QLineEdit { background: $base; color: $text; border: 1px solid $border_strong;
    border-radius: ${radius}px; padding: 3px ${space_3}px;
    selection-background-color: $accent; selection-color: $accent_text; }
QLineEdit:focus { border: 2px solid $accent; padding: 2px 7px; }
QLineEdit:disabled { color: $disabled; background: $window; border-color: $border; }
QPlainTextEdit, QTextEdit { background: $base; color: $text;
    border: 1px solid $border_strong; border-radius: ${radius}px; padding: ${space_1}px;
    selection-background-color: $accent; selection-color: $accent_text; }
QPlainTextEdit:focus, QTextEdit:focus { border: 2px solid $accent; }

QAbstractItemView { background: $base; alternate-background-color: $surface;
    border: 1px solid $border; border-radius: ${radius_small}px;
    selection-background-color: $selected; selection-color: $text;
    gridline-color: $border; }
QAbstractItemView:focus { border: 1px solid $accent; }
QHeaderView::section { background: $window; color: $muted; border: none;
    border-bottom: 1px solid $border; padding: ${space_2}px; }

/* Fusion draws a box's outline darker than the window: invisible on a dark one. */
QCheckBox::indicator, QGroupBox::indicator { width: 14px; height: 14px; border-radius: 4px;
    border: 1px solid $indicator_border; background: $base; }
QCheckBox::indicator:hover, QGroupBox::indicator:hover { border-color: $accent; }
QCheckBox::indicator:checked, QGroupBox::indicator:checked { background: $accent;
    border-color: $accent; image: url("$check_image"); }
QCheckBox::indicator:disabled { background: $window; border-color: $border; }
QCheckBox::indicator:checked:disabled { background: $disabled; border-color: $disabled; }
QCheckBox::indicator:focus, QRadioButton::indicator:focus, QGroupBox::indicator:focus {
    border: 2px solid $accent; }
QCheckBox::indicator:checked:focus, QRadioButton::indicator:checked:focus,
QGroupBox::indicator:checked:focus { border: 2px solid $accent_ring; }
QRadioButton::indicator { width: 14px; height: 14px; border-radius: 8px;
    border: 1px solid $indicator_border; background: $base; }
QRadioButton::indicator:hover { border-color: $accent; }
QRadioButton::indicator:checked { border: 1px solid $accent; background: qradialgradient(
    cx: 0.5, cy: 0.5, radius: 0.5, fx: 0.5, fy: 0.5, stop: 0 $accent_text,
    stop: 0.35 $accent_text, stop: 0.45 $accent, stop: 1 $accent); }

QTabWidget::pane { border: 1px solid $border; border-radius: ${radius}px; top: -1px; }
QTabBar::tab { background: transparent; color: $muted; border: none;
    border-bottom: 2px solid transparent; padding: ${space_3}px ${space_5}px; }
QTabBar::tab:hover { color: $text; }
QTabBar::tab:selected { color: $text; border-bottom: 2px solid $accent; }
QTabBar::tab:focus { color: $text; }

QMenu { background: $base; color: $text; border: 1px solid $border_strong;
        padding: ${space_2}px; }
QMenu::item { padding: 5px ${space_6}px 5px ${space_4}px; border-radius: ${space_2}px; }
QMenu::item:selected { background: $selected; color: $text; }
QMenu::item:disabled { color: $disabled; }
QMenu::separator { height: 1px; background: $border; margin: ${space_2}px ${space_3}px; }
QMenuBar { background: $window; }
QMenuBar::item { padding: ${space_2}px ${space_3}px; border-radius: ${space_2}px; }
QMenuBar::item:selected { background: $hover; }

QProgressBar { background: $hover; border: none; border-radius: ${space_2}px;
               text-align: center; color: $text; min-height: ${space_4}px; }
QProgressBar::chunk { background: $accent; border-radius: ${space_2}px; }

QScrollBar:vertical { width: 10px; background: transparent; margin: 2px; }
QScrollBar:horizontal { height: 10px; background: transparent; margin: 2px; }
QScrollBar::handle { background: $border_strong; border-radius: 3px; }
QScrollBar::handle:hover { background: $muted; }
QScrollBar::handle:vertical { min-height: 32px; }
QScrollBar::handle:horizontal { min-width: 32px; }
QScrollBar::add-line, QScrollBar::sub-line { height: 0; width: 0; }
QScrollBar::add-page, QScrollBar::sub-page { background: transparent; }
/* A hairline between the panes; Qt widens a handle this thin to grab it. */
QSplitter::handle { background: $border; }
QSplitter::handle:horizontal { width: 1px; }
QSplitter::handle:vertical { height: 1px; }
QSplitter::handle:hover { background: $accent; }

/* The window's parts (their widgets set these names) */
#topBar { background: $window; border-bottom: 1px solid $border; }
#chatHeader { background: $base; border-bottom: 1px solid $border; }
#chatModel { font-weight: 600; }
#chatSettingsSummary { color: $muted; }
#chatSettingsSummary[custom="true"] { color: $text; }
#sidebar { background: $surface; }
#conversationList { border: none; background: transparent; font-size: ${ui_body}pt; }
#conversationList::item { padding: 7px ${space_3}px; border-radius: ${radius}px;
                          color: $text; }
#conversationList::item:hover { background: $hover; }
#conversationList::item:selected { background: $selected; color: $text; }
#newChat { font-weight: 600; }
#banner { background: $error_bg; border-bottom: 1px solid $error; }
#messageError, #settingsError { color: $error; }
#placeholder { color: $text; padding: 40px; font-size: ${chat_body}pt; }

/* The conversation */
#conversationView, #conversationColumn { background: $base; }
#contextNotice { background: $notice_bg; color: $text; border-radius: ${radius}px;
                 padding: ${space_3}px ${space_4}px; font-size: ${chat_small}pt; }
#userMessage { background: $user_bubble; border-radius: ${radius_large}px; }
#assistantMessage { background: transparent; }
#assistantMessage[outOfContext="true"], #userMessage[outOfContext="true"] {
    color: $disabled; }
#prose { font-size: ${chat_body}pt; }
#messageRole { font-weight: 700; color: $muted; font-size: ${chat_small}pt; }
#messageStats { color: $muted; font-size: ${chat_small}pt; }
#branchPosition { color: $muted; font-size: ${chat_small}pt; }
#inlineEdit { font-size: ${chat_body}pt; }
#continueReply { padding: ${space_1}px ${space_4}px; }
#continueReply:focus { padding: 1px 11px; }

#codeBlock { border: 1px solid $border; border-radius: ${radius}px; background: $code_bg; }
#codeHeader { background: $code_header; border-top-left-radius: ${radius}px;
              border-top-right-radius: ${radius}px; }
#codeLanguage { color: $muted; font-size: ${chat_small}pt; }
#codeScroll, #codeBody { background: $code_bg; }
#codeBody { color: $text; font-family: "$mono"; font-size: ${chat_code}pt; }
#copyCode { background: transparent; border: 1px solid transparent; min-height: 0;
            padding: ${space_1}px ${space_3}px; font-size: ${chat_small}pt; }
#copyCode:hover { background: $hover; }
#copyCode:focus { border: 2px solid $accent; padding: 1px 7px; }

#thinkingToggle { color: $muted; border: 1px solid transparent;
                  padding: ${space_1}px ${space_2}px; font-size: ${chat_small}pt; }
#thinkingToggle:hover { color: $text; background: transparent; }
#thinkingToggle:checked { background: transparent; }
#thinkingToggle:focus { border: 2px solid $accent; padding: 1px 3px; }
/* A left rule alone ("border-left: ...") draws nothing: all sides, then the left's width. */
#thinkingContent { border: 0px solid $thinking_rule; border-left-width: 2px; }
#thinkingBody { color: $muted; background: transparent; border: none;
                font-size: ${chat_small}pt; }
#copyThought { background: transparent; border: 1px solid transparent; min-height: 0;
               padding: ${space_1}px ${space_3}px; font-size: ${chat_small}pt; }
#copyThought:hover { background: $hover; }
#copyThought:focus { border: 2px solid $accent; padding: 1px 7px; }

#attachmentChip { border: 1px solid $border_strong; border-radius: ${radius}px;
                  background: $base; }
#attachmentChip[refused="true"] { border-color: $error; }
#attachmentChip[refused="true"] #attachmentDetail { color: $error; }
#attachmentName { font-size: ${chat_small}pt; }
#attachmentDetail { color: $muted; font-size: ${chat_small}pt; }
#removeAttachment { padding: 0 ${space_1}px; }
#citationsTitle { color: $muted; font-weight: 600; font-size: ${chat_small}pt; }
#citation { text-align: left; padding: ${space_1}px ${space_2}px; color: $link;
            font-size: ${chat_small}pt; border: 1px solid transparent; min-height: 0; }
#citation:hover { text-decoration: underline; background: transparent; }
#citation:focus { border: 2px solid $accent; padding: 1px 3px; }
#moreSources { color: $link; font-size: ${chat_small}pt; min-height: 0; }

/* The message box */
#composer { background: $base; }
#composerHint { color: $muted; font-size: ${chat_small}pt; }
#messageEdit { background: $base; border: 1px solid $border_strong;
               border-radius: ${radius_large}px; padding: ${space_3}px ${space_4}px;
               font-size: ${chat_body}pt; }
#messageEdit:focus { border: 2px solid $accent; padding: 7px 11px; }
#messageEdit:disabled { background: $window; border-color: $border; }
#sendButton { background: $accent; color: $accent_text; border: 1px solid $accent;
              font-weight: 600; border-radius: ${radius_large}px;
              padding: ${space_3}px ${space_5}px; }
#sendButton:hover { background: $accent_hover; border-color: $accent_hover; }
#sendButton:pressed { background: $accent_pressed; border-color: $accent_pressed; }
#sendButton:focus { border: 2px solid $accent_ring; padding: 7px 15px; }
#sendButton:disabled { background: $hover; color: $disabled; border-color: $border; }
#stopButton { border-radius: ${radius_large}px; padding: ${space_3}px ${space_5}px;
              font-weight: 600; }
#stopButton:focus { padding: 7px 15px; }
#attachButton { border-radius: ${radius_large}px; padding: ${space_3}px; }
#attachButton:focus { padding: 7px; }
""")

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


def style_sheet(colours: Colours, base_point_size: float, text_size_percent: int,
                monospace: str, check_image: str = "") -> str:
    """The app's style sheet for ``colours``, the system's font size and the text size
    (``check_image``: the file of a check box's tick, see :func:`check_mark`)."""
    chat = base_point_size * text_size_percent / 100

    def points(size: float) -> str:
        return f"{size:.1f}"

    values = {field.name: getattr(colours, field.name)
              for field in dataclasses.fields(colours) if field.name != "dark"}
    values.update(
        space_1=SPACE_1, space_2=SPACE_2, space_3=SPACE_3, space_4=SPACE_4, space_5=SPACE_5,
        space_6=SPACE_6, radius_small=RADIUS_SMALL, radius=RADIUS, radius_large=RADIUS_LARGE,
        control=16,
        ui_small=points(base_point_size * TEXT_SMALL), ui_body=points(base_point_size),
        ui_large=points(base_point_size * TEXT_LARGE),
        chat_small=points(chat * TEXT_SMALL), chat_body=points(chat * TEXT_BODY),
        chat_large=points(chat * TEXT_LARGE), chat_code=points(chat * TEXT_CODE),
        mono=monospace.replace('"', ""), check_image=check_image.replace('"', ""),
        indicator_border=colours.muted if colours.dark else colours.border_strong,
    )
    return _TEMPLATE.substitute(values)


def check_mark(colour: str, folder: str) -> str:
    """A tick in ``colour`` drawn into a PNG file in ``folder`` (a style sheet takes an
    image only from a file); returns its path."""
    size = 48  # drawn large, shown at the indicator's size: sharp on HiDPI screens
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor(colour), size / 8, Qt.PenStyle.SolidLine,
                        Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
    tick = QPainterPath(QPointF(size * 0.22, size * 0.52))
    tick.lineTo(size * 0.42, size * 0.72)
    tick.lineTo(size * 0.78, size * 0.30)
    painter.drawPath(tick)
    painter.end()
    path = str(Path(folder) / f"check-{colour.lstrip('#')}.png")
    image.save(path)  # a PNG, as its name says
    return path


def palette(colours: Colours) -> QPalette:
    """Qt's palette for ``colours``: what Fusion and the icons draw with."""
    result = QPalette()
    role = QPalette.ColorRole
    for which, value in ((role.Window, colours.window), (role.WindowText, colours.text),
                         (role.Base, colours.base), (role.AlternateBase, colours.surface),
                         (role.Text, colours.text), (role.Button, colours.button),
                         (role.ButtonText, colours.text), (role.BrightText, colours.error),
                         (role.Highlight, colours.accent),
                         (role.HighlightedText, colours.accent_text),
                         (role.Link, colours.link), (role.LinkVisited, colours.link),
                         (role.ToolTipBase, colours.tooltip_bg),
                         (role.ToolTipText, colours.tooltip_text),
                         (role.PlaceholderText, colours.muted),
                         (role.Light, colours.base), (role.Midlight, colours.border),
                         (role.Mid, colours.border_strong), (role.Dark, colours.muted),
                         (role.Shadow, colours.text), (role.Accent, colours.accent)):
        result.setColor(which, QColor(value))
    disabled = QPalette.ColorGroup.Disabled
    for which in (role.WindowText, role.Text, role.ButtonText, role.PlaceholderText):
        result.setColor(disabled, which, QColor(colours.disabled))
    result.setColor(disabled, role.Highlight, QColor(colours.border_strong))
    return result


def readable_width(text_size_percent: int) -> int:
    """The conversation column's widest, in px, at this text size."""
    return round(READABLE_WIDTH_PX * text_size_percent / 100)


_current: ThemeController | None = None


def current() -> ThemeController | None:
    """The application's theme controller (None before one was made)."""
    return _current


class ThemeController(QObject):
    """Applies the chosen theme and text size to ``app``, and again on every change."""

    changed = Signal()  # after every re-style

    def __init__(self, app: QApplication, choice: ThemeChoice = ThemeChoice.SYSTEM,
                 text_size_percent: int = 100) -> None:
        super().__init__(app)
        global _current  # noqa: PLW0603 - one controller per application, as one palette
        if _current is not None:
            _current.release()
        self._app = app
        self._choice = ThemeChoice(choice)
        self._text_size = _clamped(text_size_percent)
        self._before = (app.palette(), app.styleSheet(), app.style().name())
        # The size the system gives text; the scale's sizes are multiples of it.
        point_size = app.font().pointSizeF()
        self._base_point_size = point_size if point_size > 0 else 10.0
        self._monospace = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont).family()
        self._images = QTemporaryDir()  # the check box's tick; removed with the controller
        self._check_images: dict[str, str] = {}
        hints = QGuiApplication.styleHints()
        self._system_scheme = hints.colorScheme()
        self._telling_qt = False  # our own setColorScheme is not the system's change
        self._released = False
        hints.colorSchemeChanged.connect(self._system_scheme_changed)
        _current = self
        app.setStyle("Fusion")  # draws what the style sheet leaves alone with the palette
        self._tell_qt()
        self._apply()

    # -- what the user chooses ---------------------------------------------------------

    @property
    def choice(self) -> ThemeChoice:
        return self._choice

    @property
    def text_size_percent(self) -> int:
        return self._text_size

    def set_choice(self, choice: ThemeChoice) -> None:
        self._choice = ThemeChoice(choice)
        self._tell_qt()
        self._apply()

    def set_text_size(self, percent: int) -> None:
        self._text_size = _clamped(percent)
        self._apply()

    def is_dark(self) -> bool:
        if self._choice is ThemeChoice.SYSTEM:
            return self._system_scheme == Qt.ColorScheme.Dark
        return self._choice is ThemeChoice.DARK

    @property
    def colours(self) -> Colours:
        return DARK if self.is_dark() else LIGHT

    def chat_point_size(self) -> float:
        """The conversation's body text size, in points."""
        return self._base_point_size * self._text_size / 100 * TEXT_BODY

    def style_sheet(self) -> str:
        colours = self.colours
        image = self._check_images.get(colours.accent_text)
        if image is None and self._images.isValid():
            image = self._check_images[colours.accent_text] = check_mark(
                colours.accent_text, self._images.path())
        return style_sheet(colours, self._base_point_size, self._text_size,
                           self._monospace, image or "")

    def release(self) -> None:
        """Stop styling the app: its look from before, and no longer the current one."""
        global _current  # noqa: PLW0603
        if self._released:
            return
        self._released = True
        QGuiApplication.styleHints().colorSchemeChanged.disconnect(self._system_scheme_changed)
        if _current is self:
            _current = None
        before_palette, before_sheet, before_style = self._before
        self._app.setStyleSheet(before_sheet)
        self._app.setPalette(before_palette)
        self._app.setStyle(before_style)
        QGuiApplication.styleHints().setColorScheme(Qt.ColorScheme.Unknown)

    # -- applying ----------------------------------------------------------------------

    def _tell_qt(self) -> None:
        """Qt's own parts (standard dialogs, the title bar where Qt draws it) follow."""
        scheme = {ThemeChoice.LIGHT: Qt.ColorScheme.Light,
                  ThemeChoice.DARK: Qt.ColorScheme.Dark}.get(self._choice,
                                                              Qt.ColorScheme.Unknown)
        hints = QGuiApplication.styleHints()
        self._telling_qt = True
        try:
            hints.setColorScheme(scheme)  # Unknown: the system's again
        finally:
            self._telling_qt = False
        if self._choice is ThemeChoice.SYSTEM:
            self._system_scheme = hints.colorScheme()

    def _system_scheme_changed(self, scheme: Qt.ColorScheme) -> None:
        if self._choice is not ThemeChoice.SYSTEM or self._telling_qt:
            return  # the system under a manual choice, or our own setColorScheme
        dark_before = self.is_dark()
        self._system_scheme = scheme
        if self.is_dark() != dark_before:
            self._apply()

    def _apply(self) -> None:
        colours = self.colours
        self._app.setPalette(palette(colours))
        self._app.setStyleSheet(self.style_sheet())
        self.changed.emit()


def _clamped(percent: int) -> int:
    limit = LIMITS["text_size_percent"]
    return int(min(max(percent, limit.low), limit.high))


def apply_theme(app: QApplication) -> ThemeController:
    """The app's theme controller, made (following the system) if there is none yet."""
    controller = current()
    return controller if controller is not None else ThemeController(app)
