"""The app at any size, with hostile articles, user keymaps, long libraries and no colour."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from reader.core.sanitize import visible
from reader.ui.reading.article_list import ArticleList
from reader.ui.reading.highlight_legend import HighlightLegend
from reader.ui.reading.reading_pane import ReadingPane
from reader.ui.reading.section_view import SectionView
from tests.settling import settle

SIZES = [(20, 6), (80, 24), (300, 100), (40, 10), (120, 36), (21, 7), (200, 50), (80, 24)]

HOSTILE_TITLES = [
    "[/]",
    "[b]unclosed",
    "[@click=app.quit]x[/]",
    "[breaking] news",
    "\x1b[2J\x1b]0;pwned\x07 clear screen",
    "bidi \u202eevil\u202c and zero\u200bwidth",
]


async def test_resize_loop_never_crashes(library_path: Path, build_app: Any) -> None:
    async with build_app(library_path).run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("space", "space", "c")
        await settle(pilot)
        for width, height in SIZES:
            await pilot.resize_terminal(width, height)
            await pilot.pause()
            assert pilot.app.screen.size == (width, height)
        await pilot.press("l", "escape", "enter", "question_mark", "escape")
        for width, height in reversed(SIZES):
            await pilot.resize_terminal(width, height)
            await pilot.pause()
        await settle(pilot)
        assert pilot.app.is_running


async def test_narrow_stacks_list_over_panes(library_path: Path, build_app: Any) -> None:
    async with build_app(library_path).run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = pilot.app.screen
        assert screen.has_class("-narrow")
        listed, pane = screen.query_one(ArticleList), screen.query_one(ReadingPane)
        assert listed.region.bottom <= pane.region.y
        await pilot.press("space", "space", "c")
        await settle(pilot)
        assert not listed.display, "side by side at 80 columns hides the list"
        first, second = screen.query(ReadingPane)
        assert first.region.width >= 35 and second.region.x >= first.region.right


@pytest.fixture
def hostile_library(library_path: Path, add_articles: Any) -> Path:
    body = (
        "[@click=app.quit]Click me[/] says [b]the [red]headline\n\n"
        "Escape \x1b[31mred\x1b[0m and bell \x07 and [link=https://evil]x[/link].\n\n"
        "[breaking] news: $5 billion for [/] Donald Trump.\n"
    )
    add_articles(
        library_path,
        [
            {
                "text": f"{title}\n\n{body}{n}",
                "title": title,
                "source": "[i]Evil[/i] Source",
                "published": dt.date(2025, 10, 31),
                "url": "https://example.com/evil",
            }
            for n, title in enumerate(HOSTILE_TITLES)
        ],
    )
    return library_path


async def test_hostile_text_is_shown_verbatim(hostile_library: Path, build_app: Any) -> None:
    app = build_app(hostile_library)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        listed = app.screen.query_one(ArticleList)
        prompts = [str(o.prompt) for o in listed.options]
        for title in HOSTILE_TITLES:
            assert any(visible(" ".join(title.split())) in p for p in prompts), title
        for index in range(len(HOSTILE_TITLES)):
            listed.highlighted = index
            await pilot.press("enter")
            await settle(pilot)
            pane = app.screen.query_one(ReadingPane)
            assert pane.article is not None
            assert str(pane.query_one(".title").render()) == visible(pane.article.title)
            shown = "".join(str(b.shown) for b in pane.query(SectionView))
            assert "[@click=app.quit]Click me[/]" in shown and "[breaking] news" in shown
            assert "\x1b" not in shown and "␛" in shown
            for block in pane.query(SectionView):  # clicking anywhere must not quit
                await pilot.click(block, offset=(1, 0))
            await pilot.pause()
            assert app.is_running
        assert "[i]Evil[/i] Source" in str(pane.header.render())
        app.copy_to_clipboard = lambda text: setattr(app, "copied", text)  # type: ignore[method-assign]
        opened: list[str] = []
        app.open_url = lambda url, new_tab=True: opened.append(url)  # type: ignore[method-assign]
        pane.focus()
        await pilot.press("y", "o")
        await settle(pilot)
        assert "[i]Evil[/i] Source (2025-10-31)" in app.copied
        assert opened == ["https://example.com/evil"]
        assert app.is_running


async def test_user_keymap_rebinds_by_id(
    library_path: Path, build_app: Any, tmp_path: Path
) -> None:
    keymap = tmp_path / "keymap.toml"
    keymap.write_text('[keys]\ntoggle-star = "f"\nside-by-side = "b"\n', encoding="utf-8")
    async with build_app(library_path, keymap=keymap).run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        listed = pilot.app.screen.query_one(ArticleList)
        await pilot.press("f")
        await settle(pilot)
        assert listed.rows[0].starred
        await pilot.press("b")
        await settle(pilot)
        assert len(pilot.app.screen.query(ReadingPane)) == 2


@pytest.mark.parametrize(
    "text", ['[keys]\nno-such-action = "f"\n', "not toml [", "[keys]\ntoggle-star = 3\n"]
)
async def test_bad_keymap_is_one_notice(
    library_path: Path, build_app: Any, tmp_path: Path, text: str
) -> None:
    keymap = tmp_path / "keymap.toml"
    keymap.write_text(text, encoding="utf-8")
    async with build_app(library_path, keymap=keymap).run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        notices = list(pilot.app._notifications)
        assert len(notices) == 1 and "keymap.toml" in notices[0].message
        await pilot.press("s")  # the defaults still work
        await settle(pilot)
        assert pilot.app.screen.query_one(ArticleList).rows[0].starred


async def test_list_pages_in_as_the_cursor_moves(
    library_path: Path, build_app: Any, add_articles: Any
) -> None:
    add_articles(
        library_path,
        [
            {"text": f"Story number {n}\n\nBody {n}.", "published": dt.date(2025, 1, 1)}
            for n in range(250)
        ],
    )
    async with build_app(library_path).run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        listed = pilot.app.screen.query_one(ArticleList)
        assert listed.more and listed.option_count == 100
        first = listed.highlighted_id
        await pilot.press("end")  # the last article, fetched from the end of the list
        await settle(pilot)
        assert listed.highlighted == 251 and listed.row_count == 252 and not listed.more
        assert listed.highlighted_id == listed.rows[-1].id != first
        await pilot.press("home")
        await settle(pilot)
        assert listed.highlighted == 0 and listed.highlighted_id == first


async def test_colour_free_mode(library_path: Path, build_app: Any, no_color: None) -> None:
    async with build_app(library_path, theme=None).run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert not pilot.app.colour and pilot.app.theme == "broadsheet-mono"
        legend = str(pilot.app.screen.query_one(HighlightLegend).render())
        assert "◆People" in legend and "▲Places" in legend
        pane = pilot.app.screen.query_one(ReadingPane)
        shown = "".join(str(b.shown) for b in pane.query(SectionView))
        assert "◆" in shown or "▲" in shown


async def test_monochrome_theme_switches_to_colour_free(library_path: Path, build_app: Any) -> None:
    async with build_app(library_path).run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        screen = pilot.app.screen
        assert screen.view.colour
        pilot.app.theme = "broadsheet-mono"
        await pilot.pause()
        assert not screen.view.colour
        assert "◆People" in str(screen.query_one(HighlightLegend).render())
        pilot.app.theme = "textual-light"
        await pilot.pause()
        assert screen.view.colour


async def test_palette_runs_app_list_and_pane_actions(library_path: Path, build_app: Any) -> None:
    from reader.ui.chrome.help_screen import HelpScreen

    async def palette(pilot: Any, text: str) -> None:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*text)
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(pilot)

    async with build_app(library_path).run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        listed = pilot.app.screen.query_one(ArticleList)
        await palette(pilot, "mark")
        assert len(listed.marked) == 1
        await palette(pilot, "help")
        assert isinstance(pilot.app.screen, HelpScreen)


async def test_narrowing_hides_panes_that_no_longer_fit(
    library_path: Path, build_app: Any, add_articles: Any
) -> None:
    add_articles(
        library_path,
        [
            {"text": f"Story {n}\n\nDonald Trump in Gyeongju, part {n}.", "source": f"S{n}"}
            for n in range(2)
        ],
    )
    async with build_app(library_path).run_test(size=(200, 50)) as pilot:
        await settle(pilot)
        await pilot.press("space", "space", "space", "space", "c")
        await settle(pilot)
        panes = list(pilot.app.screen.query(ReadingPane))
        assert len(panes) == 4 and all(p.display for p in panes)
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert [p.display for p in panes] == [True, True, False, False]
        await pilot.resize_terminal(200, 50)
        await pilot.pause()
        assert all(p.display for p in panes)


async def test_a_huge_paragraph_opens_in_bounded_sections(
    library_path: Path, build_app: Any, add_articles: Any
) -> None:
    from reader.ui.reading.reading_pane import BATCH
    from reader.ui.reading.section_view import MAX_CHARS

    # A batch and a half of full sections: the first batch opens, the rest waits (every
    # section mounted is wrapped, so a bigger paragraph only costs time).
    words = (BATCH + BATCH // 2) * MAX_CHARS // len("word ")
    add_articles(library_path, [{"text": "One long line\n\n" + "word " * words}])
    async with build_app(library_path).run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        listed = pilot.app.screen.query_one(ArticleList)
        listed.highlighted = next(i for i, r in enumerate(listed.rows) if r.word_count >= words)
        await pilot.press("enter")
        await settle(pilot)
        pane = pilot.app.screen.query_one(ReadingPane)
        sections = list(pane.query(SectionView))
        assert max(len(s.shown.plain) for s in sections) <= MAX_CHARS
        assert pane._pending, "the rest is mounted as the reader gets there"
        assert all(s.has_class("-runs-on") for s in sections), "one paragraph, no blank lines"
        before = len(sections)
        pane.focus()
        await pilot.press("end")
        await settle(pilot)
        assert len(pane.query(SectionView)) > before
        end = len(pane.text) - 10
        pane.scroll_to_offset(end)  # a jump far ahead mounts what it needs
        await settle(pilot)
        assert pane.query(SectionView).last().end >= end


async def test_an_article_the_analysis_fails_on_spoils_nothing_else(
    library_path: Path, build_app: Any, add_articles: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader.core import analysis
    from reader.core.reading import reading_set

    [bad] = add_articles(library_path, [{"text": "BOOM\n\nDonald Trump in Seoul, BOOM."}])
    real_analysed, real_analyze = reading_set.analysed, analysis.analyze

    def analysed(library: Any, ids: Any) -> Any:
        if bad in ids:
            raise ValueError("boom")
        return real_analysed(library, ids)

    def analyze(article: Any, *args: Any, **kwargs: Any) -> Any:
        if "BOOM" in article.body:
            raise ValueError("boom")
        return real_analyze(article, *args, **kwargs)

    monkeypatch.setattr(reading_set, "analysed", analysed)
    monkeypatch.setattr(analysis, "analyze", analyze)
    async with build_app(library_path).run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        listed = pilot.app.screen.query_one(ArticleList)
        listed.marked = {r.id for r in listed.rows}
        await pilot.press("c")
        await settle(pilot)
        panes = {p.article_id: p for p in pilot.app.screen.query(ReadingPane)}
        assert bad in panes and not panes[bad].marks
        assert all(p.marks for i, p in panes.items() if i != bad)
        notices = [n.message for n in pilot.app._notifications]
        assert notices == ["Not analysed: BOOM (ValueError: boom)"]
        listed.marked = set()
        listed.highlighted = next(i for i, r in enumerate(listed.rows) if r.id != bad)
        await pilot.press("c")  # companions: the failing article is nobody's companion
        await settle(pilot)
        assert bad not in {p.article_id for p in pilot.app.screen.query(ReadingPane)}


def test_first_frame_needs_no_analysis_engine(library_path: Path) -> None:
    """Startup is benchmarked against a bare Textual app: the analysis engine, the other
    screens and the feed reader with its page loaders (~90 ms, pulled in once by a feed
    helper's package) must not be imported before the first frame."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from reader.ui.app import make_app\n"
        "seen = []\n"
        "async def first_frame(pilot):\n"
        "    await pilot.pause()\n"
        "    seen.extend(m for m in sys.modules if m.startswith(('reader.core.analysis',\n"
        "        'reader.ui.timeline', 'reader.ui.search', 'reader.ui.comparison',\n"
        "        'reader.core.feeds.parse', 'reader.core.feeds.update', 'reader.core.loaders',\n"
        "        'reader.core.importer', 'lxml', 'selectolax', 'feedparser')))\n"
        "    pilot.app.exit()\n"
        "app = make_app(sys.argv[1], keymap=None)\n"
        "app.run(headless=True, size=(120, 36), auto_pilot=first_frame)\n"
        "print(','.join(sorted(seen)))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(library_path)],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert out.stdout.strip() == ""


async def test_palette_lists_one_quit_and_one_help(library_path: Path, build_app: Any) -> None:
    from collections import Counter

    from textual.command import CommandList, CommandPalette

    async with build_app(library_path).run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause(0.5)
        palette = pilot.app.screen
        assert isinstance(palette, CommandPalette)
        options = palette.query_one(CommandList)
        titles = Counter(
            str(options.get_option_at_index(i).prompt).split("\n")[0].strip()
            for i in range(options.option_count)
        )
        assert titles["Quit"] == 1, titles
        assert titles["Help"] == 1 and titles["Keys"] == 0, titles
        assert titles["Theme"] == 1  # Textual's own entries the app has none of stay
