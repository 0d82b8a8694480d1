"""What one row of the article list says: `•★▣ Title`, then `source · date · words`; and
the one row an empty list shows instead. Titles and sources are plain text, never markup."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.content import Content

from reader.ui.reading.highlight import one_line

if TYPE_CHECKING:
    from reader.core.store import ArticleRow

DERIVED_MARK = "≈"  # before a title derived from the text (the timeline's "inferred" mark)


def row_content(row: ArticleRow, marked: bool) -> Content:
    """Two lines: `•★▣ Title` (bold while unread), then `source · date · words`, muted."""
    date = row.published.isoformat() if row.published else "undated"
    source = one_line(row.source or "Unknown source", 40)
    title = one_line(row.title or "(untitled)", 300)
    weight = "bold" if not row.read else ""
    if row.title_derived:  # made from the text's first words: not the outlet's headline
        title, weight = f"{DERIVED_MARK} {title}", f"{weight} italic $text-muted"
    return Content.assemble(
        ("•" if not row.read else " ", "bold $text-accent"),
        ("★" if row.starred else " ", "$text-warning"),
        ("▣" if marked else " ", "bold $text-success"),
        " ",
        (title, weight.strip()),
        "\n    ",
        (f"{source} · {date} · {row.word_count:,} words", "$text-muted"),
    )


def empty_hint(view: str) -> str:
    """Why the list is empty, and the key that gets out of it (`view`: all, unread, starred;
    `v` cycles them in that order)."""
    if view == "unread":
        return "Nothing unread: every article is read.\nPress v twice to list them all."
    if view == "starred":
        return "Nothing starred (s stars an article).\nPress v to list them all."
    return "The library is empty.\nPress a to add a feed, or run\n`broadsheet add FILE…`."


class EmptyOption:
    """The one row of an empty list: why it is empty and how to get out of it."""

    disabled = True
    id = "empty"

    def __init__(self, text: str) -> None:
        lines = text.split("\n")
        self.prompt = Content.assemble(
            (lines[0], "bold"), *(Content.styled("\n" + line, "$text-muted") for line in lines[1:])
        )


class ArticleOption:
    """A row as the list shows it, and which article it is."""

    disabled = False

    def __init__(self, row: ArticleRow, marked: bool = False) -> None:
        self.row = row
        self.prompt = row_content(row, marked)
        self.id = f"article-{row.id}"

    @property
    def article_id(self) -> int:
        return self.row.id
