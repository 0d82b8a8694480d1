"""The story key index holds exactly the keys of the stored profiles (each story's
`index_keys` with its last date) after joins, merges, removals and re-forming: keys are
removed by their whole primary key, there being no index of them by story."""

from __future__ import annotations

import json
from pathlib import Path

from test_stories import BRIDGE, COMET, V, _add, _article, _library

from reader.core.analysis.stories import StoryProfile
from reader.core.store import Library
from reader.core.store.packing import unpack
from reader.core.store.stories import UNDATED


def _keys_match_profiles(library: Library) -> None:
    con = library.db.con
    stored = set(con.execute("SELECT key, last, story_id FROM story_keys"))
    expected = set()
    for sid, data in con.execute("SELECT story_id, data FROM story_profiles"):
        profile = StoryProfile.from_json(json.loads(unpack(data)))
        last = profile.last.isoformat() if profile.last else UNDATED
        expected |= {(k, last, sid) for k in profile.index_keys()}
    assert stored == expected
    assert not con.execute(
        "SELECT 1 FROM sqlite_master WHERE name = 'story_keys_by_story'"
    ).fetchone()


def test_key_index_follows_the_profiles(tmp_path: Path) -> None:
    library = _library(tmp_path)
    a, _b = _add(
        library,
        _article("Bridge collapses", BRIDGE, "Courier", 10),
        _article("Comet outburst", COMET, "Herald", 10),
    )
    _keys_match_profiles(library)
    for day, extra in ((11, " Later."), (14, " Divers searched."), (20, " It reopens.")):
        _add(library, _article(f"Bridge {day}", BRIDGE + extra, "Post", day))
        _keys_match_profiles(library)  # the story's last date moved: its keys with it
    _add(library, _article("Undated comet", COMET + " Undated.", "Wire", None))
    _keys_match_profiles(library)
    assert library.remove(a)
    assert library.stories.reform(V) > 0
    _keys_match_profiles(library)
    assert library.stories.reform("another-version") == 0  # nothing analysed: all current
    library.close()


def test_merged_stories_leave_no_keys_behind(tmp_path: Path) -> None:
    """Two stories of one event started apart (the second arrived outside the first's
    window) merge when a bridging article joins one of them."""
    library = _library(tmp_path)
    (a,) = _add(library, _article("Bridge collapses", BRIDGE, "Courier", 10))
    (late,) = _add(library, _article("Bridge again", BRIDGE + " Again.", "Post", 40))
    assert late not in library.stories.story_of(a)
    for day in (18, 25, 32):  # each within reach of both ends in turn
        _add(library, _article(f"Bridge {day}", BRIDGE + f" Day {day}.", "Wire", day))
        _keys_match_profiles(library)
    library.close()
