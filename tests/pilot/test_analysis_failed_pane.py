"""An article whose analysis failed (stored with why) opens with the reason in its pane's
header, and is not analysed again on opening."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from reader.core.analysis import analyzer_version
from reader.core.store import Library
from reader.ui.reading.reading_pane import ReadingPane
from tests.settling import settle


async def test_the_pane_says_the_analysis_failed_and_why(
    tmp_path: Path, add_articles: Any, build_app: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "lib.db"
    (article_id,) = add_articles(path, [{"text": "A storm\n\nRain fell on Paris on Monday."}])
    with Library.open(path) as library:
        library.queue.fail([(article_id, "ValueError: the parser choked")], analyzer_version())

    def must_not_run(*_args: object, **_kwargs: object) -> object:
        raise AssertionError("analysed again")

    monkeypatch.setattr("reader.core.analysis.pipeline.analyze", must_not_run)
    app = build_app(path)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("enter")  # open the highlighted (only) article
        await settle(pilot)
        pane = app.screen.query(ReadingPane).first()
        assert pane.article_id == article_id
        header = str(pane.header.render())
        assert "analysis failed: ValueError: the parser choked" in header
        assert "Rain fell on Paris" in pane.text  # the article itself is all there
