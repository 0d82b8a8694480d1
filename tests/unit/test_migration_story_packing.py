"""Migration 11: a library whose stories' features and profiles are JSON text (schema 10) is
packed in place; the words' document frequencies are unchanged, read back the same, and kept
right by the triggers afterwards (a removed article's words are counted out)."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path

from test_migrations import make_old_library

from reader.core.analysis.stories import EMPTY, story_features, vector
from reader.core.analysis.stories.version import stories_version
from reader.core.article import Article
from reader.core.store import SCHEMA_VERSION, Library


def _df(path: Path) -> tuple[dict[str, int], int]:
    con = sqlite3.connect(path)
    try:
        df = {str(t): int(d) for t, d in con.execute("SELECT term, doc FROM story_df WHERE doc")}
        total = int(con.execute("SELECT n FROM story_df_total").fetchone()[0])
    finally:
        con.close()
    return df, total


def test_a_schema_10_library_has_its_stories_packed(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    make_old_library(path, 10)  # articles 1-3 mention "harbour"
    feats = {
        n: story_features(f"Old article {n}", f"Its body mentions the harbour {n}.", None, None)
        for n in (1, 2, 3)
    }
    profile = EMPTY.add(feats[1], vector(feats[1].terms, lambda w: 1.0))
    con = sqlite3.connect(path, isolation_level=None)
    with con:  # as schema 10 wrote them: JSON text, counted by its triggers
        for n, f in feats.items():
            con.execute(
                "INSERT INTO story_features (article_id, version, data) VALUES (?, ?, ?)",
                (n, f"/{stories_version()}", json.dumps(f.to_json(), ensure_ascii=False)),
            )
        con.execute(
            "INSERT INTO story_profiles (story_id, data) VALUES (1, ?)",
            (json.dumps(profile.to_json(), separators=(",", ":")),),
        )
    con.close()
    before = _df(path)
    assert before[0]["harbour"] == 3 and before[1] == 3

    with Library.open(path) as lib:
        assert lib.schema_version == SCHEMA_VERSION
        con = lib.db.con
        kinds = {r[0] for r in con.execute("SELECT typeof(data) FROM story_features")}
        kinds |= {r[0] for r in con.execute("SELECT typeof(data) FROM story_profiles")}
        assert kinds == {"blob"}
        assert lib.stories._profiles(con, [1]) == {1: profile}
        assert lib.stories._features(con, 2, "v") == feats[2]
    assert _df(path) == before  # packing counted no word again

    with Library.open(path) as lib:
        assert lib.remove(3)
        news = Article(
            title="Harbour news",
            body="Harbour news\n\nThe harbour reopened today.",
            published=dt.date(2020, 1, 9),
        )
        ((new_id, _),) = lib.add_many([news])
        lib.stories.join([new_id], "v")
        assert lib.stories.story_of(new_id)
    df, total = _df(path)
    assert total == 3  # one out, one in
    assert df["harbour"] == 3  # article 3's out, the new one's in
    assert df.get("old", 0) == 2  # only articles 1 and 2 still say "old"


def test_the_pages_packing_frees_go_back_to_the_file_system(tmp_path: Path) -> None:
    """A schema-10 library already in incremental-vacuum mode shrinks when migration 11
    packs its stories' rows."""
    path = tmp_path / "library.sqlite3"
    make_old_library(path, 10)
    letters = "abcdefghijklmnopqrstuvwxyz"
    words = " ".join("w" + letters[i // 26 % 26] + letters[i % 26] * 3 for i in range(400))
    con = sqlite3.connect(path, isolation_level=None)
    con.execute("PRAGMA auto_vacuum = 2")
    con.execute("VACUUM")
    with con:
        for n in range(4, 304):
            con.execute(
                "INSERT INTO articles (id, title, content_hash, added) VALUES (?, 't', ?, '')",
                (n, f"h{n}"),
            )
            feats = story_features("t", words, None, None)
            con.execute(
                "INSERT INTO story_features (article_id, version, data) VALUES (?, 'v', ?)",
                (n, json.dumps(feats.to_json(), ensure_ascii=False)),
            )
    con.close()
    before = path.stat().st_size
    with Library.open(path) as lib:
        assert lib.db.con.execute("PRAGMA freelist_count").fetchone()[0] == 0
    assert path.stat().st_size < before * 0.6, (before, path.stat().st_size)
