"""Every key of the reading screen, in one table: the screen's BINDINGS, the help panel and
the command palette all read it. Each binding has an id, so a user keymap can rebind it."""

from __future__ import annotations

from textual.binding import Binding, BindingType

from reader.ui.reading.marks import KIND_LABELS, KINDS

# Shown in the footer when `show`; `id` is what a user keymap rebinds.
_MAIN: list[Binding] = [
    Binding(
        "c",
        "side_by_side",
        "Side by side",
        id="side-by-side",
        show=True,
        tooltip="Marked articles, or this one and its companions",
    ),
    Binding(
        "r",
        "toggle_read",
        "Read/unread",
        id="toggle-read",
        show=True,
        tooltip="Mark read or unread",
    ),
    Binding(
        "A",
        "mark_all_read",
        "All read",
        id="mark-all-read",
        show=False,
        tooltip="Mark every article read",
    ),
    Binding("s", "toggle_star", "Star", id="toggle-star", show=True, tooltip="Star or unstar"),
    Binding(
        "slash",
        "search",
        "Search",
        id="search",
        show=True,
        key_display="/",
        tooltip="Search the library",
    ),
    Binding(
        "t",
        "timeline",
        "Timeline",
        id="timeline",
        show=True,
        tooltip="Events of the reading set by date",
    ),
    Binding(
        "m",
        "compare",
        "Compare",
        id="compare",
        show=True,
        tooltip="What the sources agree and differ on",
    ),
    Binding(
        "g",
        "stories",
        "Stories",
        id="stories",
        show=False,
        tooltip="The library grouped by story, and which outlets carry each",
    ),
    Binding(
        "v",
        "cycle_view",
        "All/unread/starred",
        id="cycle-view",
        show=False,
        tooltip="List all articles, only the unread, or only the starred",
    ),
    Binding(
        "f",
        "fetch_full_text",
        "Full article",
        id="fetch-full-text",
        show=False,
        tooltip="Fetch the whole article from its web address, in place of a feed's summary",
    ),
    Binding(
        "o",
        "open_url",
        "Open in browser",
        id="open-url",
        show=False,
        tooltip="Open the article's web page",
    ),
    Binding(
        "u",
        "update_feeds",
        "Update feeds",
        id="update-feeds",
        show=False,
        tooltip="Fetch every subscribed feed; new articles join the list",
    ),
    Binding(
        "a",
        "add_feed",
        "Add feed",
        id="add-feed",
        show=False,
        tooltip="Subscribe to an RSS or Atom feed",
    ),
    Binding(
        "F",
        "feeds",
        "Feeds",
        id="feeds",
        show=False,
        tooltip="Your feeds and their last update; read, update or unsubscribe one",
    ),
    Binding(
        "y",
        "copy_citation",
        "Copy citation",
        id="copy-citation",
        show=False,
        tooltip="Source, date, title, URL",
    ),
    Binding(
        "l",
        "toggle_list",
        "Show/hide list",
        id="toggle-list",
        show=False,
        tooltip="Room for the panes",
    ),
    Binding(
        "S",
        "toggle_sync",
        "Scroll together",
        id="toggle-sync",
        show=False,
        tooltip="Panes scroll as one",
    ),
    Binding(
        "p",
        "next_aligned(1)",
        "Next aligned passage",
        id="aligned.next",
        show=False,
        tooltip="Side by side: step to the next passage the other panes answer",
    ),
    Binding(
        "P",
        "next_aligned(-1)",
        "Previous aligned passage",
        id="aligned.previous",
        show=False,
        tooltip="Side by side: step to the previous aligned passage",
    ),
    Binding(
        "h",
        "toggle_highlights",
        "All highlights",
        id="toggle-highlights",
        show=False,
        tooltip="On or off",
    ),
    Binding(
        "right_square_bracket",
        "step_mark(1)",
        "Next mark",
        id="mark.next",
        show=False,
        key_display="]",
        tooltip="Select the next highlighted span: it is highlighted in every pane",
    ),
    Binding(
        "left_square_bracket",
        "step_mark(-1)",
        "Previous mark",
        id="mark.previous",
        show=False,
        key_display="[",
        tooltip="Select the previous highlighted span",
    ),
    Binding(
        "n",
        "next_match(1)",
        "Next match",
        id="match.next",
        show=False,
        tooltip="Next search match, all panes",
    ),
    Binding(
        "N",
        "next_match(-1)",
        "Previous match",
        id="match.previous",
        show=False,
        tooltip="Previous search match",
    ),
    Binding(
        "escape",
        "clear",
        "Clear",
        id="clear",
        show=False,
        key_display="esc",
        tooltip="Clear selection or search; leave side by side",
    ),
]


# The footer, when the line is short: labels first shortened, then keys left out, least
# needed first (a higher rank goes first; ties, the rightmost). `?` stays: it lists the rest.
FOOTER_RANKS: dict[str, int] = {
    "help": 0,
    "quit": 1,
    "search": 2,
    "side-by-side": 3,
    "toggle-read": 4,
    "toggle-star": 4,
}
DEFAULT_RANK = 5
PALETTE_RANK = 3  # the command palette on the right, kept before keys of a higher rank
SHORT_LABELS: dict[str, str] = {
    "side-by-side": "Side",
    "toggle-read": "Read",
    "timeline": "Time",
    "compare": "Comp",
    "command-palette": "Cmds",
}


def main_bindings() -> list[BindingType]:
    bindings: list[BindingType] = list(_MAIN)
    bindings += [
        Binding(
            str(n),
            f"toggle_kind('{kind}')",
            f"{KIND_LABELS[kind]} on/off",
            show=False,
            id=f"kind.{kind}",
            tooltip=f"Highlight {KIND_LABELS[kind].lower()}",
        )
        for n, kind in enumerate(KINDS, 1)
    ]
    return bindings


def app_bindings() -> list[BindingType]:
    return [
        Binding("q", "quit", "Quit", id="quit"),
        Binding("question_mark", "help", "Help", key_display="?", id="help"),
        Binding("ctrl+p", "command_palette", "Commands", show=False, id="command-palette"),
    ]


def all_binding_groups() -> list[tuple[str, list[Binding]]]:
    """Every key, grouped as the help panel shows them."""
    from reader.ui.reading.article_list import ArticleList
    from reader.ui.reading.reading_pane import ReadingPane

    def only(bindings: list[BindingType]) -> list[Binding]:
        return [b for b in bindings if isinstance(b, Binding)]

    return [
        ("Everywhere", only(app_bindings())),
        ("Reading", only(main_bindings())),
        ("Article list", only(ArticleList.BINDINGS)),
        ("Reading pane", only(ReadingPane.BINDINGS)),
    ]
