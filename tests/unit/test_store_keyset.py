"""Keyset pages of the article list (`Library.rows_after`) walk the same order as OFFSET
pages, at any page size, in every view."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from test_store_support import paging_library

from reader.core.store import Library


@pytest.fixture
def lib(tmp_path: Path) -> Iterator[Library]:
    library = paging_library(tmp_path / "library.db", seed=7)
    yield library
    library.close()


def _walk(lib: Library, size: int, **view: bool) -> list[int]:
    got: list[int] = []
    after = None
    while True:
        page = lib.rows_after(after, size, **view)
        if not page:
            return got
        got += [r.id for r in page]
        after = page[-1]


@pytest.mark.parametrize("size", [1, 7, 100])
@pytest.mark.parametrize("view", ["all", "unread", "starred"])
def test_keyset_pages_match_offset_order(lib: Library, size: int, view: str) -> None:
    flags = {"unread_only": view == "unread", "starred_only": view == "starred"}
    expected = [r.id for r in lib.rows(0, 1000, **flags)]
    assert expected  # the fixture has rows in every view
    assert _walk(lib, size, **flags) == expected


def test_first_page_and_end(lib: Library) -> None:
    everything = lib.rows(0, 1000)
    assert lib.rows_after(None, 5) == everything[:5]
    assert lib.rows_after(everything[-1], 5) == []
    assert lib.rows_after(everything[10], 3) == everything[11:14]
