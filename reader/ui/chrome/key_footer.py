"""The footer of key hints: one widget that paints one line.

Textual's `Footer` is a container of one `FooterKey` widget per binding, recomposed (every key
restyled and laid out again) on each `bindings_updated` signal; while the first screen mounts,
focus and the screen stack publish that signal several times, and the footer was ~90 ms of the
~160 ms that Broadsheet's first frame took over a bare app's (`bench/run.py`). This footer
reads the same `Screen.active_bindings` and draws them as one `Content`, so a change of
bindings is a repaint of one line, not a recompose.

It keeps what users rely on in Textual's footer: the keys in the order the bindings give, keys
of one `Group` shown together under the group's description, disabled bindings dimmed, the
command palette key on the right, a click on a key presses it, hovering shows its tooltip.
"""

from __future__ import annotations

from collections import defaultdict
from itertools import groupby
from typing import TYPE_CHECKING, NamedTuple

from textual import events
from textual.content import Content
from textual.widget import Widget

from reader.ui.chrome.key_bindings import DEFAULT_RANK, FOOTER_RANKS, PALETTE_RANK, SHORT_LABELS

if TYPE_CHECKING:
    from textual.app import App
    from textual.binding import Binding
    from textual.screen import Screen

KEY = "bold $footer-key-foreground"
DESCRIPTION = "$footer-description-foreground"
DISABLED = "dim"


class Hint(NamedTuple):
    """One clickable key on the line: cells `start` to `end`. The hints are what the line
    shows: the same hints, the same line."""

    start: int
    end: int
    key: str
    label: str
    enabled: bool
    tooltip: str


def _rank(binding: Binding) -> int:
    return FOOTER_RANKS.get(binding.id or "", DEFAULT_RANK)


def _label(binding: Binding, short: bool) -> str:
    return (SHORT_LABELS.get(binding.id or "") if short else None) or binding.description


class _Item(NamedTuple):
    """A binding on the footer, or a group's bindings under the group's description."""

    keys: list[tuple[Binding, bool, str]]
    label: str
    rank: int
    grouped: bool = False

    def key_piece(self, app: App[object], binding: Binding, enabled: bool, short: bool) -> Content:
        description = "" if self.grouped else _label(binding, short)
        piece = Content.assemble(
            (f" {app.get_key_display(binding)} ", KEY),
            (f"{description} " if description else "", DESCRIPTION),
        )
        return piece if enabled else piece.stylize(DISABLED)

    def width(self, app: App[object], short: bool) -> int:
        cells = sum(self.key_piece(app, b, on, short).cell_length for b, on, _ in self.keys)
        return cells + (len(self.label) + 1 if self.grouped else 0)


class KeyFooter(Widget, can_focus=False):
    """The active bindings of the screen, on one line."""

    ALLOW_SELECT = False
    DEFAULT_CSS = """
    KeyFooter {
        dock: bottom;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._hints: list[Hint] = []

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        # The signal comes whenever focus moves; most moves leave the keys as they were, and
        # a repaint after the first frame would be one more frame to wait for at start-up.
        if screen is self.screen and self._layout()[1] != self._hints:
            self.refresh()

    def render(self) -> Content:
        parts, self._hints = self._layout()
        return Content.assemble(*parts)

    def _layout(self) -> tuple[list[Content | str], list[Hint]]:
        """The line's pieces, and where each key sits: full labels if they fit, else short
        ones, else the least needed keys left out (`FOOTER_RANKS`) so `?` always shows."""
        app = self.app
        active = self.screen.active_bindings
        by_action: defaultdict[str, list[tuple[Binding, bool, str]]] = defaultdict(list)
        for _node, binding, enabled, tooltip in active.values():
            if binding.show:
                by_action[binding.action].append((binding, enabled, tooltip))
        items: list[_Item] = []
        for group, same_group in groupby(by_action.values(), lambda each: each[0][0].group):
            actions = [each[0] for each in same_group]
            if group is not None and len(actions) > 1:
                keys = [(b, on, tip or b.description) for b, on, tip in actions]
                items.append(_Item(keys, group.description, _rank(actions[0][0]), True))
            else:
                items += [_Item([each], each[0].description, _rank(each[0])) for each in actions]
        right: Content | None = None
        palette = active.get(app.COMMAND_PALETTE_BINDING) if app.ENABLE_COMMAND_PALETTE else None
        if palette is not None:
            right = self._palette(palette[1], short=False)
        width = self.size.width
        short = False
        while True:
            line = sum(item.width(app, short) for item in items)
            if right is not None and line + 1 + right.cell_length <= width:
                break
            if right is None and line <= width:
                break
            if not short:
                short = True
                if palette is not None:
                    right = self._palette(palette[1], short=True)
                continue
            worst = max(range(len(items)), key=lambda i: (items[i].rank, i), default=None)
            if right is not None and (worst is None or items[worst].rank < PALETTE_RANK):
                right = None
            elif worst is None:
                break
            else:
                del items[worst]
        parts: list[Content | str] = []
        hints: list[Hint] = []
        x = 0
        for item in items:
            for binding, enabled, tooltip in item.keys:
                piece = item.key_piece(app, binding, enabled, short)
                label = "" if item.grouped else _label(binding, short)
                parts.append(piece)
                hints.append(Hint(x, x + piece.cell_length, binding.key, label, enabled, tooltip))
                x += piece.cell_length
            if item.grouped:
                label_piece = Content.styled(f"{item.label} ", DESCRIPTION)
                parts.append(label_piece)
                x += label_piece.cell_length
        if right is not None and palette is not None:
            _node, binding, enabled, tooltip = palette
            gap = width - x - right.cell_length
            if gap >= 1:
                parts.append(" " * gap)
                end = x + gap + right.cell_length
                hints.append(Hint(x + gap, end, binding.key, binding.description, enabled, tooltip))
                parts.append(right)
        return parts, hints

    def _palette(self, binding: Binding, *, short: bool) -> Content:
        return Content.assemble(
            ("│", "$foreground 20%"), (f" {self.app.get_key_display(binding)} ", KEY)
        ).append(Content.styled(_label(binding, short), DESCRIPTION))

    def hint_at(self, x: int) -> Hint | None:
        return next((h for h in self._hints if h.start <= x < h.end), None)

    def on_click(self, event: events.Click) -> None:
        hint = self.hint_at(event.x)
        if hint is None:
            return
        if hint.enabled:
            self.app.simulate_key(hint.key)
        else:
            self.app.bell()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        hint = self.hint_at(event.x)
        self.tooltip = hint.tooltip if hint and hint.tooltip else None
