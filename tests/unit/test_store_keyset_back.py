"""Keyset pages read backwards (`Library.rows_before`): the same order as OFFSET pages, from
the end of the list up, at any page size, in every view (the article list's window scrolls
both ways)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from test_store_support import paging_library

from reader.core.store import Library


@pytest.fixture
def lib(tmp_path: Path) -> Iterator[Library]:
    library = paging_library(tmp_path / "library.db", seed=11)
    yield library
    library.close()


@pytest.mark.parametrize("size", [1, 7, 100])
@pytest.mark.parametrize("view", ["all", "unread", "starred"])
def test_backward_pages_match_offset_order(lib: Library, size: int, view: str) -> None:
    flags = {"unread_only": view == "unread", "starred_only": view == "starred"}
    expected = [r.id for r in lib.rows(0, 1000, **flags)]
    assert expected
    got: list[int] = []
    before = None
    while page := lib.rows_before(before, size, **flags):
        assert len(page) <= size
        got = [r.id for r in page] + got
        before = page[0]
    assert got == expected


def test_last_page_and_top(lib: Library) -> None:
    everything = lib.rows(0, 1000)
    assert lib.rows_before(None, 5) == everything[-5:]
    assert lib.rows_before(everything[0], 5) == []
    assert lib.rows_before(everything[10], 3) == everything[7:10]
    assert lib.rows_before(everything[2], 10) == everything[:2]
