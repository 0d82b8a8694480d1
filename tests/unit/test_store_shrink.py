"""The library file shrinks when articles are removed (incremental vacuum), and what is left
is whole."""

from __future__ import annotations

from pathlib import Path

from reader.core.analysis.model import Analysis, Entity
from reader.core.article import Article
from reader.core.store import Library


def _article(n: int) -> Article:
    words = " ".join(f"word{n}x{i} harbour" for i in range(150))
    return Article(title=f"Article {n}", body=f"Article {n}\n\n{words}.", source="Test")


def _size(path: Path) -> int:
    """The file's size once closed (closing checkpoints the write-ahead log into it)."""
    return path.stat().st_size


def test_removing_articles_shrinks_the_file(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    with Library.open(path) as lib:
        ids = [i for i, _ in lib.add_many(_article(n) for n in range(300))]
        for i in ids:
            lib.put_analysis(i, Analysis(entities=[Entity("Ada", "person", 0, 3, "Ada")]), "v")
    full = _size(path)
    with Library.open(path) as lib:
        for i in ids[:250]:
            assert lib.remove(i)
        assert lib.count() == 50
    shrunk = _size(path)
    assert shrunk < full * 0.6, (full, shrunk)
    with Library.open(path) as lib:
        assert lib.integrity_check() == []
        assert [h.id for h in lib.search("word299x3")] == [ids[299]]
        assert lib.search("word10x3") == []
        assert lib.get_analysis(ids[-1], "v") is not None
