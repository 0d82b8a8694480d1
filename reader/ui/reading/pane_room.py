"""How many reading panes fit beside the list: none narrower than `MIN_PANE` columns. The
list makes way when they would be, unless the reader asked for it with `l` (then fewer panes
show)."""

from __future__ import annotations

NARROW = 100  # below this width the list sits above the panes
MIN_PANE = 36  # columns: narrower panes break every other line
LIST_SHARE, LIST_MIN, LIST_MAX = 0.42, 24, 64  # the list's width (as in broadsheet.tcss)


def max_panes(width: int) -> int:
    return 2 if width < 110 else 3 if width < 160 else 4


def list_width(width: int) -> int:
    """The columns the list takes beside the panes (none when it sits above them)."""
    return 0 if width < NARROW else max(LIST_MIN, min(LIST_MAX, int(width * LIST_SHARE)))


def pane_room(width: int, panes: int, list_shown: bool) -> tuple[bool, int]:
    """Whether the list stays beside `panes` panes, and how many panes show: the list makes
    way when the panes would be narrower than `MIN_PANE`, unless the reader asked for it
    (then fewer panes show)."""
    beside = list_width(width)
    wanted = max(1, min(panes, max_panes(width)))
    if not beside and panes > 1 and not list_shown:
        # narrow: the list above would leave the panes a few lines
        return False, max(1, min(wanted, width // MIN_PANE))
    if list_shown:
        return True, max(1, min(wanted, (width - beside) // MIN_PANE))
    if (width - beside) < wanted * MIN_PANE:
        return False, max(1, min(wanted, width // MIN_PANE))
    return True, wanted
