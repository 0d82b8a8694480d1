"""Child process: open the app headless on a library, scroll the article list from its top
to its end as a user flicking the wheel would (`STEP` rows at a time, waiting for the list's
page fetches after each, so every page of the list is fetched on the way; End would jump
straight to the last page), put the cursor on the last row, and print the peak RSS and the
RSS once the app was open, both in kB.

Run as `python -m bench.probe_rss_scrolled LIBRARY_DB` from the repo root; prints
`rows N` (the list's length), `held N` (rows the list held at the end), `steps N`,
`open_kb N` then `maxrss_kb N`.
"""

from __future__ import annotations

import asyncio
import sys

from bench.probe_rss import peak_rss_kb

MAX_STEPS = 200_000  # a guard: a list that never ends must not hang the bench
STEP = 40  # rows scrolled per step (a page is 100; the list fetches the next 50 ahead)


def last_article(db: str) -> tuple[int, int]:
    """The id of the list's last article, and how many articles the library holds."""
    from reader.core.store import Library

    library = Library.open(db)
    try:
        count = library.count()
        return library.rows(count - 1, 1)[0].id, count
    finally:
        library.close()


async def scroll_to_end(db: str) -> tuple[int, int, int, int, int]:
    from reader.ui.app import make_app
    from reader.ui.reading.article_list import ArticleList

    last, count = last_article(db)
    # The analysis pool off: its runner is a worker that lives as long as the app, so
    # `wait_for_complete` below would wait for ever; the list's memory is what is measured.
    app = make_app(library=db, background=False)
    async with app.run_test(headless=True, size=(120, 36)) as pilot:
        await pilot.pause()
        articles = app.screen.query_one("#articles", ArticleList)
        articles.focus()
        await pilot.pause()
        opened = peak_rss_kb()
        steps = 0
        while steps < MAX_STEPS and not (
            articles.scroll_y >= articles.max_scroll_y and not articles.more
        ):
            articles.scroll_to(y=articles.scroll_y + 2 * STEP, animate=False, immediate=True)
            await app.workers.wait_for_complete()
            await pilot.pause()
            steps += 1
        await pilot.press("end")
        await app.workers.wait_for_complete()
        await pilot.pause()
        if articles.highlighted_id != last:
            raise SystemExit(f"the cursor is not on the last article ({last}) after End")
        return opened, peak_rss_kb(), count, len(articles.rows), steps


def main(db: str) -> None:
    opened, peak, rows, held, steps = asyncio.run(scroll_to_end(db))
    print("rows", rows)
    print("held", held)
    print("steps", steps)
    print("open_kb", opened)
    print("maxrss_kb", peak)


if __name__ == "__main__":
    main(sys.argv[1])
