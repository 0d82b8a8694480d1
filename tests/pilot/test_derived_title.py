"""A title derived from the text (not the outlet's headline) is marked in the list, on the
title line and in the pane header; a real headline is not."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reader.ui.reading.article_list import DERIVED_MARK, ArticleList
from reader.ui.reading.reading_pane import ReadingPane
from tests.settling import settle

LEDE = (
    "Officials in the port city said on Tuesday that the long-delayed harbour works would "
    "finally begin next spring, after a decade of arguments over who should pay for them.\n\n"
    "The council will vote on the budget next week."
)


async def test_derived_title_is_marked(
    library_path: Path, build_app: Any, add_articles: Any
) -> None:
    (derived_id,) = add_articles(library_path, [{"text": LEDE, "source": "Harbour Post"}])
    async with build_app(library_path).run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        listed = pilot.app.screen.query_one(ArticleList)
        rows = {row.id: row for row in listed.rows}
        assert rows[derived_id].title_derived
        assert not all(row.title_derived for row in rows.values()), "a seed has a headline"
        for index in range(listed.option_count):
            option = listed.get_option_at_index(index)
            prompt = str(option.prompt)
            derived = option.row.title_derived  # type: ignore[attr-defined]
            assert (DERIVED_MARK in prompt.splitlines()[0]) == derived, prompt
        listed.highlighted = next(
            i
            for i in range(listed.option_count)
            if listed.get_option_at_index(i).article_id == derived_id  # type: ignore[attr-defined]
        )
        await pilot.press("enter")
        await settle(pilot)
        pane = pilot.app.screen.query_one(ReadingPane)
        assert pane.article_id == derived_id
        assert str(pane.query_one(".title").render()).startswith(DERIVED_MARK)
        assert "title from the text" in pane.header.render_line(0).text
        listed.highlighted = next(
            i
            for i in range(listed.option_count)
            if not listed.get_option_at_index(i).row.title_derived  # type: ignore[attr-defined]
        )
        listed.focus()
        await pilot.press("enter")
        await settle(pilot)
        assert "title from the text" not in pane.header.render_line(0).text
