"""Every key of the reading screen, in one table: the screen's BINDINGS, the help panel and
the command palette all read it. Each binding has an id, so a user keymap can rebind it."""

from __future__ import annotations

from textual.binding import Binding, BindingType

from reader.ui.reading.marks import KIND_LABELS, KINDS

# (key, action, description, id, shown in the footer, key display, tooltip)
_MAIN: list[tuple[str, str, str, str, bool, str | None, str]] = [
    (
        "c",
        "side_by_side",
        "Side by side",
        "side-by-side",
        True,
        None,
        "Marked articles, or this one and its companions",
    ),
    ("r", "toggle_read", "Read/unread", "toggle-read", True, None, "Mark read or unread"),
    ("A", "mark_all_read", "All read", "mark-all-read", False, None, "Mark every article read"),
    ("s", "toggle_star", "Star", "toggle-star", True, None, "Star or unstar"),
    ("slash", "search", "Search", "search", True, "/", "Search the library"),
    ("t", "timeline", "Timeline", "timeline", True, None, "Events of the reading set by date"),
    ("m", "compare", "Compare", "compare", True, None, "What the sources agree and differ on"),
    (
        "v",
        "cycle_view",
        "All/unread/starred",
        "cycle-view",
        False,
        None,
        "List all articles, only the unread, or only the starred",
    ),
    (
        "f",
        "fetch_full_text",
        "Full article",
        "fetch-full-text",
        False,
        None,
        "Fetch the whole article from its web address, in place of a feed's summary",
    ),
    ("o", "open_url", "Open in browser", "open-url", False, None, "Open the article's web page"),
    (
        "u",
        "update_feeds",
        "Update feeds",
        "update-feeds",
        False,
        None,
        "Fetch every subscribed feed; new articles join the list",
    ),
    ("a", "add_feed", "Add feed", "add-feed", False, None, "Subscribe to an RSS or Atom feed"),
    (
        "F",
        "feeds",
        "Feeds",
        "feeds",
        False,
        None,
        "Your feeds and their last update; read, update or unsubscribe one",
    ),
    (
        "y",
        "copy_citation",
        "Copy citation",
        "copy-citation",
        False,
        None,
        "Source, date, title, URL",
    ),
    ("l", "toggle_list", "Show/hide list", "toggle-list", False, None, "Room for the panes"),
    ("S", "toggle_sync", "Scroll together", "toggle-sync", False, None, "Panes scroll as one"),
    ("h", "toggle_highlights", "All highlights", "toggle-highlights", False, None, "On or off"),
    (
        "right_square_bracket",
        "step_mark(1)",
        "Next mark",
        "mark.next",
        False,
        "]",
        "Select the next highlighted span: it is highlighted in every pane",
    ),
    (
        "left_square_bracket",
        "step_mark(-1)",
        "Previous mark",
        "mark.previous",
        False,
        "[",
        "Select the previous highlighted span",
    ),
    ("n", "next_match(1)", "Next match", "match.next", False, None, "Next search match, all panes"),
    (
        "N",
        "next_match(-1)",
        "Previous match",
        "match.previous",
        False,
        None,
        "Previous search match",
    ),
    (
        "escape",
        "clear",
        "Clear",
        "clear",
        False,
        "esc",
        "Clear selection or search; leave side by side",
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
    bindings: list[BindingType] = [
        Binding(key, action, text, show=show, key_display=display, tooltip=tip, id=ident)
        for key, action, text, ident, show, display, tip in _MAIN
    ]
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
