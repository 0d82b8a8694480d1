"""Main-text extraction from web pages (`extract_page`, used for every imported .html)."""

from __future__ import annotations

from pathlib import Path

from reader.core.article import Article
from reader.core.loaders import load_path
from reader.core.loaders.page import extract_page

MENU = "".join(f'<li><a href="/s{i}">Section menu item {i}</a></li>' for i in range(12))
PARAGRAPHS = [
    "The river council voted on Tuesday to rebuild the old stone bridge at Millford, "
    "ending a dispute that had run for eleven years between the two towns on its banks.",
    "Engineers said the work would begin in the spring and take about eighteen months, "
    "with a temporary footbridge for pedestrians while the main span is closed to traffic.",
    "Residents who had campaigned for the repair welcomed the decision, though several "
    "said they worried about the cost and asked the council to publish its full estimates.",
]
PAGE = f"""<!DOCTYPE html><html lang="en"><head>
<title>Council votes to rebuild bridge | The Valley Courier</title>
<meta property="og:site_name" content="The Valley Courier">
<meta name="author" content="Jane Doe">
<meta property="article:published_time" content="2024-03-05T09:30:00Z">
</head><body>
<header><nav><ul>{MENU}</ul></nav></header>
<div class="sidebar"><ul>{MENU}</ul></div>
<main><article><h1>Council votes to rebuild bridge</h1>
{"".join(f"<p>{p}</p>" for p in PARAGRAPHS)}
</article></main>
<footer><p>Copyright footer notice and contact details for the newsroom.</p></footer>
</body></html>"""


def test_menus_dropped_body_and_metadata_kept() -> None:
    article = extract_page(PAGE, "https://example.org/bridge")
    assert "Section menu item" not in article.body
    assert "Copyright footer" not in article.body
    assert article.paragraphs[-3:] == PARAGRAPHS
    assert article.title == "Council votes to rebuild bridge"
    assert article.author == "Jane Doe"
    assert article.source == "The Valley Courier"
    assert str(article.published) == "2024-03-05"
    assert article.url == "https://example.org/bridge"


def test_bytes_and_file_loading_use_the_extractor(tmp_path: Path) -> None:
    assert extract_page(PAGE.encode("utf-8"), None).body == extract_page(PAGE, None).body
    path = tmp_path / "bridge.html"
    path.write_text(PAGE, encoding="utf-8")
    loaded = load_path(path)
    assert isinstance(loaded, Article)
    assert "Section menu item" not in loaded.body
    assert loaded.source == "The Valley Courier"


def test_title_falls_back_to_site_name() -> None:
    page = (
        '<html><head><meta property="og:site_name" content="Courier"></head><body>'
        f"<p>{PARAGRAPHS[0]}</p></body></html>"
    )
    article = extract_page(page, None)
    assert article.title == "Courier"
    assert PARAGRAPHS[0] in article.body


def test_hostile_html_is_text_not_markup() -> None:
    hostile = "[/] [@click=app.quit]x[/] \x1b[31m <b>not bold</b>"
    page = (
        "<html><head><title>[/]</title><script>alert('SCRIPT-IN')</script></head><body>"
        f"<article><p>{PARAGRAPHS[0]}</p><p>{hostile.replace('<', '&lt;')}</p></article>"
        "<style>.x{}</style></body></html>"
    )
    article = extract_page(page, None)
    assert "SCRIPT-IN" not in article.body
    assert "[@click=app.quit]x[/]" in article.body
    assert "<b>not bold</b>" in article.body
    assert article.title == "[/]"


def test_deep_nesting_falls_back_and_keeps_the_text() -> None:
    page = "<p>top</p>" + "<div><span><blockquote>" * 20000 + "very deep"
    article = extract_page(page, None)
    assert "very deep" in article.body
