"""The article list's window of rows (`RowWindow`): bounded however far it moves, and it
corrects the list's length when a page finds the top or the end elsewhere than counted."""

from __future__ import annotations

import datetime as dt

from reader.core.store import ArticleRow
from reader.ui.reading.row_window import PAGE, RowWindow


def rows(first: int, count: int) -> list[ArticleRow]:
    return [
        ArticleRow(n, f"t{n}", "s", dt.date(2024, 1, 1), False, False, 1, "", False)
        for n in range(first, first + count)
    ]


def test_append_keeps_the_window_bounded_and_finds_the_end() -> None:
    window = RowWindow(cap=3 * PAGE)
    window.replace(0, rows(0, PAGE), at_end=False, total=1000)
    for page in range(1, 6):
        fetch = window.wanted(window.end - 10, window.end)
        assert fetch is not None and fetch.kind == "after" and fetch.index == window.end
        window.append(rows(page * PAGE, PAGE), at_end=page == 5)
        assert len(window.rows) <= 3 * PAGE
    assert window.at_end and window.total == 600, "the count said 1000: the end corrects it"
    assert window.start == 300 and window.row_at(599) is not None and window.row_at(0) is None
    assert window.index_of(450) == 450 and window.index_of(5) is None


def test_prepend_refetches_upwards_and_corrects_the_top() -> None:
    window = RowWindow(cap=2 * PAGE)
    window.replace(500, rows(500, PAGE), at_end=False, total=2000)
    fetch = window.wanted(510, 520)
    assert fetch is not None and fetch.kind == "before" and fetch.row == window.rows[0]
    assert window.prepend(rows(400, PAGE), at_top=False) == 0
    assert window.start == 400 and window.end == 600 and not window.at_end
    shift = window.prepend(rows(350, 50), at_top=True)  # the top is here, not at 350
    assert shift == -350 and window.start == 0 and window.total == 2000 - 350
    assert len(window.rows) == 2 * PAGE


def test_a_viewport_outside_the_window_jumps() -> None:
    window = RowWindow()
    window.replace(0, rows(0, PAGE), at_end=False, total=10_000)
    middle = window.wanted(5000, 5020)
    assert middle is not None and middle.kind == "at" and middle.index == 5000 - PAGE // 2
    end = window.wanted(9990, 10_000)
    assert end is not None and end.kind == "last"
    assert window.wanted(10, 30) is None
