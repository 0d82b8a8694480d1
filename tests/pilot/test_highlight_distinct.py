"""Every highlight the reading panes paint is told apart from every other and from every piece
of chrome, in the dark and light themes and without colour (NO_COLOR), measured on the
styles the app actually resolves and renders: search hits must not look like organisations,
nor the list cursor like people."""

from __future__ import annotations

from itertools import combinations
from pathlib import Path
from typing import Any

import pytest
from textual.color import Color, rgb_to_lab
from textual.style import Style
from textual.widget import Widget

from reader.ui.chrome.key_footer import KeyFooter
from reader.ui.chrome.title_bar import TitleBar
from reader.ui.reading.article_list import ArticleList
from reader.ui.reading.highlight import highlight_styles
from reader.ui.reading.reading_pane import ReadingPane
from tests.settling import settle

APART = 10.0  # CIE76 ΔE: below about this two backgrounds read as the same colour

Look = tuple[Color, Color, frozenset[str]]  # foreground, background, attributes


def delta_e(a: Color, b: Color) -> float:
    la, lb = rgb_to_lab(a), rgb_to_lab(b)
    return float(sum((x - y) ** 2 for x, y in zip(la, lb, strict=True)) ** 0.5)


def resolve(style_text: str, variables: dict[str, str], ground: Color, ink: Color) -> Look:
    """What a span in `style_text` shows on a pane of background `ground` and text `ink`."""
    style = Style.parse(style_text, variables)
    fg = ink if style.foreground is None else ground + style.foreground
    bg = ground if style.background is None else ground + style.background
    if style.reverse:
        fg, bg = bg, fg
    attrs = {name for name in ("bold", "italic", "underline") if getattr(style, name)}
    return fg, bg, frozenset(attrs)


def bar(widget: Widget, y: int = 0) -> Color:
    """The background the widget renders on line `y` (its first cell)."""
    segment = next(s for s in widget.render_line(y) if s.style and s.style.bgcolor)
    assert segment.style is not None and segment.style.bgcolor is not None
    return Color.from_rich_color(segment.style.bgcolor)


async def chrome(pilot: Any) -> dict[str, Color]:
    screen = pilot.app.screen
    pane, articles = screen.query_one(ReadingPane), screen.query_one(ArticleList)
    found = {
        "title bar": bar(screen.query_one(TitleBar)),
        "legend": bar(screen.query_one("#legend")),
        "footer": bar(screen.query_one(KeyFooter)),
    }
    articles.focus()
    await pilot.pause()
    found["pane header"] = bar(pane.header)
    found["list cursor"] = bar(articles, articles.highlighted or 0)
    pane.focus()
    await pilot.pause()
    found["focused pane header"] = bar(pane.header)
    found["unfocused list cursor"] = bar(articles, articles.highlighted or 0)
    return found


@pytest.mark.parametrize(
    ("theme", "colour"),
    [("textual-dark", True), ("textual-light", True), ("textual-dark", False)],
    ids=["dark", "light", "no-colour"],
)
async def test_highlights_are_distinct(
    library_path: Path, build_app: Any, theme: str, colour: bool
) -> None:
    app = build_app(library_path, theme=theme, color=colour)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        pane = app.screen.query_one(ReadingPane)
        bars = await chrome(pilot)
        ground, ink = pane.background_colors[1], pane.colors[3]
        variables = app.get_css_variables()
        looks = {
            name: resolve(text, variables, ground, ink)
            for name, text in highlight_styles(app.colour).items()
        }
        assert app.colour == colour
        filled = {n: look for n, look in looks.items() if delta_e(look[1], ground) >= APART}
        bare = {n: look for n, look in looks.items() if n not in filled}
        problems = []
        for (a, (_, bg_a, at_a)), (b, (_, bg_b, at_b)) in combinations(filled.items(), 2):
            # With colour, a background is told by its colour; without, by the weights too.
            if delta_e(bg_a, bg_b) < APART and (colour or at_a == at_b):
                problems.append(f"{a} and {b} share a background {bg_a.hex} / {bg_b.hex}")
        for (a, (fg_a, _, at_a)), (b, (fg_b, _, at_b)) in combinations(bare.items(), 2):
            if delta_e(fg_a, fg_b) < APART and at_a == at_b:
                problems.append(f"{a} and {b} look alike ({fg_a.hex}, {sorted(at_a)})")
        for name, (_, bg, _) in filled.items():
            for piece, colour_of in bars.items():
                if delta_e(bg, colour_of) < APART:
                    problems.append(f"{name} looks like the {piece} ({bg.hex} / {colour_of.hex})")
        assert not problems, "\n".join(problems)
        assert len(filled) >= 5, "the emphases (selection, matches, cursor, jump) are filled"
