"""The hostile corpus opened in the app: every article selected and opened, side by side,
searched for. Nothing crashes; the text is shown verbatim with its controls made visible;
no raw ESC, C0, C1 or bidi control reaches what the app renders; markup in an article never
runs (clicking `[@click=app.quit]x[/]` does not quit); no browser opens until `o`."""

from __future__ import annotations

import copy
import datetime as dt
import re
import webbrowser
from pathlib import Path
from typing import Any

import pytest
from rich.cells import cell_len

from reader.core.article import Article
from reader.core.importer import import_paths, store_articles
from reader.core.loaders import LoadError
from reader.core.sanitize import one_line, visible
from reader.core.store import Library
from reader.ui.reading.article_list import DERIVED_MARK, ArticleList
from reader.ui.reading.main_screen import MainScreen
from reader.ui.reading.reading_pane import ReadingPane
from reader.ui.reading.section_view import SectionView
from tests.hostile.corpus import HostileCase, build_corpus
from tests.settling import settle

# C0 but LF, DEL, C1, and the bidi controls: never in a rendered cell.
RAW_CONTROL = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]"
)


def screen_text(app: Any, strips: list[Any] | None = None) -> str:
    """Every cell the current screen renders, line by line (what goes to the terminal,
    without the terminal's own style sequences); of `strips` when already rendered."""
    if strips is None:
        strips = app.screen._compositor.render_strips()
    return "\n".join(strip.text for strip in strips)


def rendered_links(app: Any, strips: list[Any] | None = None) -> set[str]:
    if strips is None:
        strips = app.screen._compositor.render_strips()
    return {
        segment.style.link
        for strip in strips
        for segment in strip
        if segment.style is not None and segment.style.link
    }


def assert_safe(app: Any) -> None:
    strips = app.screen._compositor.render_strips()  # one render for both checks
    text = screen_text(app, strips)
    found = RAW_CONTROL.search(text)
    assert found is None, f"raw {found.group()!r} rendered near {text[found.start() - 40 :][:80]!r}"
    assert not rendered_links(app, strips), "article text never becomes a terminal hyperlink"


def pane_text(pane: ReadingPane) -> str:
    """The title and every mounted section's text (a piece of a huge paragraph that runs on
    into the next section is joined to it without a gap)."""
    text = str(pane.query_one(".title").render()) + "\n"
    gap = ""
    for section in pane.query(SectionView):
        text += gap + section.shown.plain
        gap = "" if section.has_class("-runs-on") else "\n\n"
    return text


async def mount_all_sections(pilot: Any, pane: ReadingPane) -> None:
    """Scroll to the end until no more sections mount (they mount in batches as the reader
    scrolls)."""
    count = -1
    while count != len(pane.query(SectionView)):
        count = len(pane.query(SectionView))
        pane.scroll_end(animate=False)
        await settle(pilot)


# Its analysis alone takes seconds (the pane itself opens it in about two).
TOO_SLOW_TO_OPEN = {"long_line.txt"}


@pytest.fixture
def corpus_library(
    library_path: Path,
    hostile_corpus: list[HostileCase],
    hostile_loaded: dict[Path, Article | LoadError],
) -> tuple[Path, list[HostileCase]]:
    """The seeds, then the whole corpus but the 5 MB line (the other large cases are cheap
    to open: deep nesting, a 2,000-row table, 300,000 brackets). Stored as `import_paths`
    stores them, from the articles the files load as (loaded once per test process)."""
    cases = [c for c in hostile_corpus if c.filename not in TOO_SLOW_TO_OPEN]
    loaded = [hostile_loaded[c.path] for c in cases]
    with Library.open(library_path) as lib:
        store_articles(lib, [copy.copy(a) for a in loaded if isinstance(a, Article)])
    return library_path, cases


@pytest.fixture
def small_corpus_library(library_path: Path, tmp_path: Path) -> Path:
    """The seeds, then the corpus without its large cases."""
    build_corpus(tmp_path / "corpus", include_large=False)
    with Library.open(library_path) as lib:
        import_paths(lib, [tmp_path / "corpus"])
    return library_path


async def test_every_corpus_article_opens_verbatim_and_safely(
    corpus_library: tuple[Path, list[HostileCase]], build_app: Any
) -> None:
    path, cases = corpus_library
    by_path = {str(c.path): c for c in cases}
    app = build_app(path)
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await settle(pilot)
        listed = app.screen.query_one(ArticleList)
        assert not listed.more  # every article is in the list
        assert_safe(app)
        opened = 0
        for index in range(listed.option_count):
            listed.highlighted = index
            await pilot.press("enter")
            await pilot.app.workers.wait_for_complete()
            await pilot.pause()
            pane = app.screen.query_one(ReadingPane)
            assert pane.article is not None and pane.article_id == listed.highlighted_id
            assert_safe(app)
            case = by_path.get(pane.article.path)
            if case is None:  # a seed
                continue
            opened += 1
            lines = [visible(line) for line in case.survives.split("\n")]  # blocks apart
            if not all(line in pane_text(pane) for line in lines):
                await mount_all_sections(pilot, pane)  # beyond the first batch of sections
            shown = pane_text(pane)
            for line in lines:
                assert line in shown, case.filename
            shown = str(pane.query_one(".title").render())
            mark = f"{DERIVED_MARK} " if pane.article.title_derived else ""  # a derived title
            assert shown == mark + visible(pane.article.title)
            if pane.article.source:  # a sidecar's "[b]Wire" is shown as typed
                assert one_line(pane.article.source, 40) in str(pane.header.render())
            head = visible(pane.article.title).split()
            if head:
                assert head[0][:20] in screen_text(app), case.filename
        assert opened >= len({c.path for c in cases if c.expected == "loads"}) - 3  # duplicates
        assert app.is_running


async def test_side_by_side_and_search_of_hostile_articles(
    small_corpus_library: Path, build_app: Any
) -> None:
    from reader.ui.comparison.comparison_screen import ComparisonScreen
    from reader.ui.search.search_screen import SearchScreen
    from reader.ui.timeline.timeline_screen import TimelineScreen

    app = build_app(small_corpus_library)
    async with app.run_test(size=(160, 40), notifications=True) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, MainScreen)
        listed = screen.query_one(ArticleList)
        wanted = ("Escape test", "[breaking] news", "Invoice", "Control characters")
        for index, row in enumerate(listed.rows):
            if row.title.startswith(wanted):
                listed.highlighted = index
                await pilot.press("space")
        marked = set(listed.marked)
        assert len(marked) >= 3
        await pilot.press("c")
        await settle(pilot)
        panes = screen.panes
        assert len(panes) >= 3 and {p.article_id for p in panes} <= marked
        assert_safe(app)

        await pilot.press("slash")
        await settle(pilot)
        assert isinstance(app.screen, SearchScreen)
        await pilot.press(*"pwned")
        await settle(pilot)
        assert_safe(app)
        svg = app.export_screenshot()
        assert "\x1b" not in svg and "\x07" not in svg and "\u202e" not in svg
        await pilot.press("escape")  # keep the query: the panes highlight it
        await settle(pilot)
        assert app.screen is screen
        assert screen.view.query == "pwned" and screen.reading.matches.found
        for pane in screen.panes:  # every match is where the body has the word
            for start, end in pane.spans.matches:
                assert pane.text[start:end].lower() == "pwned"
        assert_safe(app)
        await pilot.press("n", "n", "N", "t")
        await settle(pilot)
        assert isinstance(app.screen, TimelineScreen)
        assert_safe(app)
        svg = app.export_screenshot()
        assert "\x1b" not in svg and "\x07" not in svg and "\u202e" not in svg
        await pilot.press("escape", "m")
        await settle(pilot)
        assert isinstance(app.screen, ComparisonScreen)
        assert_safe(app)
        assert app.is_running


def markup_cells(app: Any, needle: str = "[@click=app.quit]x[/]") -> list[tuple[int, int]]:
    """Screen cells of the text the markup would have made clickable (the `x`), on every
    line that shows `needle`."""
    cells = []
    for y, line in enumerate(screen_text(app).split("\n")):
        at = line.find(needle)
        while at >= 0:
            cells.append((cell_len(line[:at]) + needle.index("]x") + 1, y))
            at = line.find(needle, at + 1)
    return cells


async def test_clicking_markup_in_titles_and_bodies_runs_nothing(
    tmp_path: Path, build_app: Any
) -> None:
    cases = build_corpus(tmp_path / "corpus", include_large=False)
    names = {"markup_title.txt", "markup_body.txt", "sidecar_markup.txt"}
    with Library.open(tmp_path / "lib.sqlite3") as lib:
        import_paths(lib, [c.path for c in cases if c.filename in names])
    app = build_app(tmp_path / "lib.sqlite3")
    async with app.run_test(size=(150, 30), notifications=True) as pilot:
        await settle(pilot)
        listed = app.screen.query_one(ArticleList)
        assert listed.option_count == 3
        clicked = 0
        for index in range(3):
            listed.highlighted = index
            await pilot.press("enter")
            await settle(pilot)
            pane = app.screen.query_one(ReadingPane)
            assert "[@click=app.quit]x[/]" in pane_text(pane)
            cells = markup_cells(app)
            assert cells, "the markup is on screen, as text"
            for x, y in cells:
                await pilot.click(offset=(x, y))
                clicked += 1
                assert app.is_running, f"a click at {(x, y)} ran an action"
            await pilot.press("j", "k")
            app.screen.query_one(ArticleList).focus()
        assert clicked >= 3
        await settle(pilot)
        assert app.is_running and app.return_value is None


async def test_no_browser_until_o(
    library_path: Path, add_articles: Any, build_app: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    browsed: list[str] = []
    monkeypatch.setattr(webbrowser, "open", lambda url, *a, **k: browsed.append(url) or True)
    monkeypatch.setattr(webbrowser, "open_new_tab", lambda url: browsed.append(url) or True)
    body = (
        "Links everywhere\n\nSee https://evil.example/a and [link=https://evil.example/b]b[/link]"
        " and \x1b]8;;https://evil.example/c\x1b\\c\x1b]8;;\x1b\\ and file:///etc/passwd.\n"
    )
    add_articles(
        library_path,
        [
            {"text": body, "url": "https://example.com/story", "published": dt.date(2025, 11, 1)},
            {"text": body + "2", "url": "file:///etc/passwd", "published": dt.date(2025, 11, 2)},
            {"text": body + "3", "url": "javascript:alert(1)", "published": dt.date(2025, 11, 3)},
        ],
    )
    app = build_app(library_path)
    opened: list[str] = []
    copied: list[str] = []
    monkeypatch.setattr(app, "open_url", lambda url, new_tab=True: opened.append(url))
    monkeypatch.setattr(app, "copy_to_clipboard", copied.append)
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await settle(pilot)
        listed = app.screen.query_one(ArticleList)
        linked = [i for i, r in enumerate(listed.rows) if r.title == "Links everywhere"]
        assert len(linked) == 3
        for index in linked:
            listed.highlighted = index
            await pilot.press("enter")
            await settle(pilot)
            pane = app.screen.query_one(ReadingPane)
            for section in pane.query(SectionView):
                await pilot.click(section, offset=(4, 0))
            await pilot.click(pane.query_one(".byline"), offset=(20, 0))
        await pilot.press("space", "space", "space", "c")
        await settle(pilot)
        assert opened == [] and browsed == [], "opening and reading never opens a browser"
        assert copied == [], "nor writes the clipboard"

        await pilot.press("escape")  # leave side by side: the list comes back
        await settle(pilot)
        for index in linked:
            listed.highlighted = index
            await pilot.press("o")
            await settle(pilot)
        assert opened == ["https://example.com/story"], "only an http(s) address, only on o"
        assert copied == []
        await pilot.press("y")
        await settle(pilot)
        assert len(copied) == 1
        assert browsed == []


async def test_an_article_the_analysis_chokes_on_does_not_spoil_the_others(
    library_path: Path,
    add_articles: Any,
    build_app: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """One article the analysis raises on (as numbers.py did on '5-école' before f77e089)
    must not fail the whole reading set: `c` on another article still finds companions."""
    import reader.core.analysis as analysis

    real = analysis.analyze

    def analyze(article: Any, *args: Any, **kwargs: Any) -> Any:
        if "CHOKE" in article.body:
            raise AssertionError  # what the numbers bug raised: no message at all
        return real(article, *args, **kwargs)

    monkeypatch.setattr(analysis, "analyze", analyze)
    add_articles(library_path, [{"text": "Schools\n\nDonald Trump's CHOKE plan in Seoul.\n"}])
    app = build_app(library_path)
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await settle(pilot)
        listed = app.screen.query_one(ArticleList)
        seed = next(i for i, r in enumerate(listed.rows) if r.source == "Seed source A")
        listed.highlighted = seed
        await pilot.press("c")
        await settle(pilot)
        panes = app.screen.query(ReadingPane)
        assert len(panes) == 2 and all(p.marks for p in panes)
        assert not [n for n in app._notifications if n.severity == "error"]


async def test_a_huge_paragraph_is_cut_into_bounded_sections(
    library_path: Path, add_articles: Any, build_app: Any
) -> None:
    """A 5 MB one-line paragraph was one SectionView wrapped on the UI thread: the app froze
    for ~19 s (fixed in 3d6ad8d)."""
    from reader.ui.reading.section_view import MAX_CHARS

    add_articles(library_path, [{"text": "One long line\n\n" + "word " * 40_000}])
    app = build_app(library_path)
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await settle(pilot)
        listed = app.screen.query_one(ArticleList)
        listed.highlighted = next(i for i, r in enumerate(listed.rows) if r.word_count > 30_000)
        await pilot.press("enter")
        await settle(pilot)
        sections = list(app.screen.query_one(ReadingPane).query(SectionView))
        assert sections
        assert max(len(s.shown.plain) for s in sections) <= 2 * MAX_CHARS


async def test_the_copied_citation_has_no_raw_controls(
    library_path: Path, add_articles: Any, build_app: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    title = "Escape \x1b]52;c;cm0gLXJmIH4K\x07 test \u202eevil"
    add_articles(
        library_path,
        [{"text": f"{title}\n\nBody.\n", "title": title, "source": "Wire\x1b[2J", "url": ""}],
    )
    app = build_app(library_path)
    copied: list[str] = []
    monkeypatch.setattr(app, "copy_to_clipboard", copied.append)
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await settle(pilot)
        listed = app.screen.query_one(ArticleList)
        listed.highlighted = next(i for i, r in enumerate(listed.rows) if "Escape" in r.title)
        await pilot.press("enter", "y")
        await settle(pilot)
        (citation,) = copied
        assert "Escape" in citation and not RAW_CONTROL.search(citation)


async def test_a_pasted_query_is_shown_with_controls_as_symbols(
    library_path: Path, build_app: Any
) -> None:
    from textual import events
    from textual.widgets import Input

    from reader.ui.search.search_screen import SearchScreen

    app = build_app(library_path)
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        await settle(pilot)
        assert isinstance(app.screen, SearchScreen)
        field = app.screen.query_one(Input)
        field.post_message(events.Paste("Trump \x1b[2J\x1b]0;pwned\x07 \u202eevil"))
        await settle(pilot)
        assert "Trump" in field.value
        assert_safe(app)
