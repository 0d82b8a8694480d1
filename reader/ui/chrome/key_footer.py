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

if TYPE_CHECKING:
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
        """The line's pieces, and where each key sits."""
        app = self.app
        active = self.screen.active_bindings
        by_action: defaultdict[str, list[tuple[Binding, bool, str]]] = defaultdict(list)
        for _node, binding, enabled, tooltip in active.values():
            if binding.show:
                by_action[binding.action].append((binding, enabled, tooltip))
        parts: list[Content | str] = []
        hints: list[Hint] = []
        x = 0

        def key(binding: Binding, enabled: bool, tooltip: str, description: str) -> None:
            nonlocal x
            shown = app.get_key_display(binding)
            piece = Content.assemble(
                (f" {shown} ", KEY),
                (f"{description} " if description else "", DESCRIPTION),
            )
            if not enabled:
                piece = piece.stylize(DISABLED)
            parts.append(piece)
            hints.append(Hint(x, x + piece.cell_length, binding.key, description, enabled, tooltip))
            x += piece.cell_length

        for group, same_group in groupby(by_action.values(), lambda each: each[0][0].group):
            actions = list(same_group)
            if group is not None and len(actions) > 1:
                for binding, enabled, tooltip in (each[0] for each in actions):
                    key(binding, enabled, tooltip or binding.description, "")
                label = Content.styled(f"{group.description} ", DESCRIPTION)
                parts.append(label)
                x += label.cell_length
            else:
                for binding, enabled, tooltip in (each[0] for each in actions):
                    key(binding, enabled, tooltip, binding.description)
        if app.ENABLE_COMMAND_PALETTE and (palette := active.get(app.COMMAND_PALETTE_BINDING)):
            _node, binding, enabled, tooltip = palette
            right = Content.assemble(
                ("│", "$foreground 20%"), (f" {app.get_key_display(binding)} ", KEY)
            ).append(Content.styled(binding.description, DESCRIPTION))
            gap = self.size.width - x - right.cell_length
            if gap >= 1:
                parts.append(" " * gap)
                end = x + gap + right.cell_length
                hints.append(Hint(x + gap, end, binding.key, binding.description, enabled, tooltip))
                parts.append(right)
        return parts, hints

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
