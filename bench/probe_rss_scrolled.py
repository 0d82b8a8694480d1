"""Child process: open the app headless on a library, scroll the article list to its very
end as a user holding End would (each End loads the next page), and print the peak RSS
and the RSS once the app was open, both in kB.

Run as `python -m bench.probe_rss_scrolled LIBRARY_DB` from the repo root; prints
`open_kb N` then `maxrss_kb N`.
"""

from __future__ import annotations

import asyncio
import sys

from bench.probe_rss import peak_rss_kb

MAX_STEPS = 100_000  # a guard: a list that never ends must not hang the bench


async def scroll_to_end(db: str) -> tuple[int, int, int]:
    from reader.ui.app import make_app
    from reader.ui.reading.article_list import ArticleList

    app = make_app(library=db)
    async with app.run_test(headless=True, size=(120, 36)) as pilot:
        await pilot.pause()
        articles = app.screen.query_one("#articles", ArticleList)
        articles.focus()
        await pilot.pause()
        opened = peak_rss_kb()
        for _ in range(MAX_STEPS):
            before = articles.option_count
            await pilot.press("end")
            await pilot.pause()
            if not articles.more and articles.option_count == before:
                break
        return opened, peak_rss_kb(), articles.option_count


def main(db: str) -> None:
    opened, peak, rows = asyncio.run(scroll_to_end(db))
    print("rows", rows)
    print("open_kb", opened)
    print("maxrss_kb", peak)


if __name__ == "__main__":
    main(sys.argv[1])
