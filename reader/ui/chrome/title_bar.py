"""The line at the top: the app's icon (a click opens the command palette) and its title.

One widget painting one line, where Textual's `Header` is four (icon, title, clock space and
the header itself) with reactive bindings between them: at start-up every widget is styled,
laid out and rendered before the first frame, so each one left out is time the user does not
wait (see `bench/run.py`).
"""

from __future__ import annotations

from textual import events
from textual.content import Content
from textual.widget import Widget

ICON_CELLS = 5  # " ▤ " and a margin: where a click opens the command palette


class TitleBar(Widget, can_focus=False):
    """`▤  Broadsheet — sub titles`, the title centred on the line."""

    ALLOW_SELECT = False
    DEFAULT_CSS = """
    TitleBar {
        dock: top;
        width: 100%;
        height: 1;
        background: $panel;
        color: $foreground;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    """

    def __init__(self, icon: str = "▤", *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.icon = icon

    def on_mount(self) -> None:
        self.watch(self.app, "title", self._retitle, init=False)
        self.watch(self.app, "sub_title", self._retitle, init=False)
        self.watch(self.screen, "sub_title", self._retitle, init=False)

    def _retitle(self) -> None:
        self.refresh()

    def render(self) -> Content:
        app, screen = self.app, self.screen
        # The screen's sub title (what the list shows), then the app's (work in progress).
        sub_title = " · ".join(part for part in (screen.sub_title, app.sub_title) if part)
        title = app.format_title(screen.title or app.title, sub_title)
        icon = Content(f" {self.icon} ")
        start = max(ICON_CELLS, (self.size.width - title.cell_length) // 2)
        return Content.assemble(icon, " " * (start - icon.cell_length), title)

    def on_click(self, event: events.Click) -> None:
        if event.x < ICON_CELLS and app_has_palette(self):
            event.stop()
            self.app.action_command_palette()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        over_icon = event.x < ICON_CELLS and app_has_palette(self)
        self.tooltip = "Open the command palette" if over_icon else None


def app_has_palette(widget: Widget) -> bool:
    return bool(widget.app.ENABLE_COMMAND_PALETTE)
