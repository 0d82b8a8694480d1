"""`RowList`: a Line-API list of rows as `OptionList` draws them (the same component
classes and keys, so a stylesheet written for one styles the other), for lists that hold
only some of their rows (`ArticleList`). A row is drawn from its `Content` and cached."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.visual import Padding, visualize

if TYPE_CHECKING:
    from textual.content import Content
    from textual.style import Style

ROW_LINES = 2  # every row is two lines (titles are cut to one)


class RowList(ScrollView, can_focus=True):
    """Draws rows and tracks the row under the mouse; the keys are `OptionList`'s (not
    listed in the help panel, which gives them one line)."""

    DEFAULT_CSS = """
    RowList {
        height: auto;
        max-height: 100%;
        color: $foreground;
        overflow-x: hidden;
        border: tall $border-blurred;
        padding: 0 1;
        background: $surface;
        & > .option-list--option-highlighted {
            color: $block-cursor-blurred-foreground;
            background: $block-cursor-blurred-background;
            text-style: $block-cursor-blurred-text-style;
        }
        &:focus {
            border: tall $border;
            background-tint: $foreground 5%;
            & > .option-list--option-highlighted {
                color: $block-cursor-foreground;
                background: $block-cursor-background;
                text-style: $block-cursor-text-style;
            }
        }
        & > .option-list--option-highlighted {
            color: $foreground;
            background: $block-cursor-blurred-background;
        }
        & > .option-list--option-disabled {
            color: $text-disabled;
        }
        & > .option-list--option-hover {
            background: $block-hover-background;
        }
    }
    """
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "option-list--option",
        "option-list--option-disabled",
        "option-list--option-highlighted",
        "option-list--option-hover",
    }

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "cursor_down", "Down", show=False),
        Binding("end", "last", "Last", show=False),
        Binding("enter", "select", "Select", show=False),
        Binding("home", "first", "First", show=False),
        Binding("pagedown", "page_down", "Page Down", show=False),
        Binding("pageup", "page_up", "Page Up", show=False),
        Binding("up", "cursor_up", "Up", show=False),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._hover: int | None = None  # the row under the mouse
        self._strips: LRUCache[tuple[object, ...], list[Strip]] = LRUCache(maxsize=256)

    def notify_style_update(self) -> None:
        self._strips.clear()
        self.refresh()
        super().notify_style_update()

    def _style(self, component: str) -> Style:
        if component:
            return self.get_visual_style("option-list--option", component)
        return self.get_visual_style("option-list--option")

    def _draw(self, prompt: Content, style: Style) -> list[Strip]:
        padding = self.get_component_styles("option-list--option").padding
        width = self.scrollable_content_region.width
        visual = visualize(self, prompt, markup=False)
        if padding:
            visual = Padding(visual, padding)
        strips = visual.to_strips(self, visual, width, None, style)
        return [strip.extend_cell_length(width, style.rich_style) for strip in strips]

    def _blank(self) -> Strip:
        width = self.scrollable_content_region.width
        return Strip.blank(width, self._style("").rich_style)

    def _refresh_row(self, index: int) -> None:
        self.refresh_lines(index * ROW_LINES, ROW_LINES)

    def _on_mouse_move(self, event: events.MouseMove) -> None:
        index = event.style.meta.get("option")
        hover = index if isinstance(index, int) else None
        if hover != self._hover:
            old, self._hover = self._hover, hover
            for changed in (old, hover):
                if changed is not None:
                    self._refresh_row(changed)

    def _on_leave(self, _: events.Leave) -> None:
        if self._hover is not None:
            old, self._hover = self._hover, None
            self._refresh_row(old)
