"""The help panel: the keys of the screen it was opened over, grouped by the widget that has
them, with what they do (user keymaps applied), laid out to the panel's width."""

from __future__ import annotations

import re
import textwrap
from typing import TYPE_CHECKING, Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Static

from reader.ui.chrome.key_bindings import app_bindings

if TYPE_CHECKING:
    from textual.dom import DOMNode
    from textual.screen import Screen

# Keys that come from Textual's own widgets (no Binding of ours), by the widget class they
# go with: shown only when a widget of that class is on the screen.
EXTRA = [
    ("ArticleList", "↑ ↓ pgup pgdn home end", "Move"),
    ("ArticleList", "enter", "Open the article (marks it read)"),
    ("ReadingPane", "click a highlight", "Select it in every pane"),
    ("TimelineList", "↑ ↓ enter", "Move; open the event's source"),
    ("ComparisonList", "↑ ↓ enter", "Move; open the value in its source"),
]
EVERYWHERE = [("tab / shift+tab", "Move the focus")]
KEY_WIDTH = 18  # a longer key gets a line of its own
TEXT_WIDTH = 24  # what the key does; the tooltip follows, or wraps under it

Group = tuple[str, list[tuple[str, str, str]]]  # title, (keys, description, tooltip)


def title_of(cls: type[DOMNode]) -> str:
    """`ArticleList` → `Article list`."""
    words = re.findall(r"[A-Z][a-z0-9]*", cls.__name__) or [cls.__name__]
    return " ".join([words[0], *(w.lower() for w in words[1:])])


def screen_groups(screen: Screen[Any], keymap: dict[str, str]) -> list[Group]:
    """The app's keys, then the screen's, then those of each kind of widget on it."""

    def rows(bindings: list[BindingType]) -> list[tuple[str, str, str]]:
        return [
            (keymap.get(b.id or "", b.key_display or b.key), b.description, b.tooltip)
            for b in bindings
            if isinstance(b, Binding) and b.description
        ]

    groups: list[Group] = [("Everywhere", rows(app_bindings()) + [(*e, "") for e in EVERYWHERE])]
    seen: set[type[DOMNode]] = set()
    for node in [screen, *screen.query(Widget)]:
        cls = type(node)
        if cls in seen or not cls.__module__.startswith("reader."):
            continue
        seen.add(cls)
        found = rows(list(cls.__dict__.get("BINDINGS", [])))
        found += [(key, text, "") for name, key, text in EXTRA if name == cls.__name__]
        if found:
            groups.append((title_of(cls), found))
    return groups


def help_content(groups: list[Group], width: int) -> Content:
    """Two columns (keys, what they do) and the tooltip after them, wrapped to `width`."""
    lines: list[Content] = []
    indent = 2 + KEY_WIDTH + 2
    for title, rows in groups:
        lines.append(Content.styled(title, "bold $text-accent"))
        for key, text, tip in rows:
            if len(key) > KEY_WIDTH:
                lines.append(Content.styled("  " + key, "bold"))
                key = ""
            head = Content.assemble(("  " + key.ljust(KEY_WIDTH) + "  ", "bold"))
            room = max(10, width - indent)
            said = textwrap.wrap(text, room) or [""]
            lines.append(head + said[0])
            lines += [Content(" " * indent + more) for more in said[1:]]
            if not tip:
                continue
            after = indent + max(len(said[-1]), TEXT_WIDTH) + 2
            if len(said) == 1 and after + len(tip) <= width:
                lines[-1] = lines[-1] + Content(" " * (after - indent - len(said[-1])))
                lines[-1] = lines[-1] + Content.styled(tip, "$text-muted")
                continue
            for piece in textwrap.wrap(tip, room):
                lines.append(Content.styled(" " * indent + piece, "$text-muted"))
        lines.append(Content(""))
    return Content("\n").join(lines)


class HelpText(Static):
    """The keys, re-laid out when the panel's width changes."""

    def __init__(self, groups: list[Group]) -> None:
        super().__init__("", markup=False)
        self.groups = groups

    def on_resize(self) -> None:
        self.update(help_content(self.groups, self.size.width))


class HelpScreen(ModalScreen[None]):
    """A panel over a screen, listing that screen's keys; escape, q or ? closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "dismiss", "Close", id="help.close"),
        Binding("j,down", "scroll_help(1)", "Scroll down", show=False, id="help.down"),
        Binding("k,up", "scroll_help(-1)", "Scroll up", show=False, id="help.up"),
    ]

    def __init__(self, over: Screen[Any] | None = None) -> None:
        super().__init__()
        self.over = over

    def compose(self) -> ComposeResult:
        keymap: dict[str, str] = getattr(self.app, "user_keymap", {})
        over = self.over if self.over is not None else self.app.screen
        with VerticalScroll(id="help-panel") as panel:
            panel.border_title = f"Keys: {title_of(type(over))}"
            panel.border_subtitle = "j/k scroll · esc to close"
            yield HelpText(screen_groups(over, keymap))

    def on_mount(self) -> None:
        self.query_one("#help-panel").focus()

    def action_scroll_help(self, lines: int) -> None:
        panel = self.query_one("#help-panel", VerticalScroll)
        target = min(panel.max_scroll_y, max(0, round(panel.scroll_target_y) + lines))
        panel.scroll_to(y=target, animate=False, immediate=True)
