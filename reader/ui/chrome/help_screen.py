"""The help panel: every key, grouped, with what it does (user keymaps applied)."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from reader.ui.chrome.key_bindings import all_binding_groups

EXTRA = [
    ("Article list", "↑ ↓ pgup pgdn home end", "Move"),
    ("Article list", "enter", "Open the article (marks it read)"),
    ("Everywhere", "tab / shift+tab", "Move between the list and the panes"),
    ("Reading pane", "click a highlight", "Select it in every pane"),
]


def help_content(keymap: dict[str, str]) -> Content:
    lines: list[Content] = []
    for title, bindings in all_binding_groups():
        lines.append(Content.styled(title, "bold $text-accent"))
        rows = [
            (keymap.get(b.id or "", b.key_display or b.key), b.description, b.tooltip)
            for b in bindings
        ]
        rows += [(key, text, "") for group, key, text in EXTRA if group == title]
        for key, text, tip in rows:
            lines.append(
                Content.assemble(
                    ("  " + key.ljust(18), "bold"),
                    text.ljust(22),
                    (tip, "$text-muted"),
                )
            )
        lines.append(Content(""))
    return Content("\n").join(lines)


class HelpScreen(ModalScreen[None]):
    """A panel over the reading screen; any of escape, q or ? closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "dismiss", "Close", id="help.close"),
    ]

    def compose(self) -> ComposeResult:
        keymap: dict[str, str] = getattr(self.app, "user_keymap", {})
        with VerticalScroll(id="help-panel") as panel:
            panel.border_title = "Keys"
            panel.border_subtitle = "esc to close"
            yield Static(help_content(keymap), markup=False)
