"""Story matching in a small library: document frequencies start from a background of English
(`stories/background.py`), so common words weigh little from the first article on; one shared
word with nothing else (no name, no day) is no story. A fresh library of the two bundled seeds
(the APEC week, two outlets) is one story; short unrelated notes stay apart."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from reader.core.analysis.stories import story_features, vector
from reader.core.analysis.stories.background import background_share, smoothed_idf
from reader.core.analysis.stories.similarity import agreement, cosine, similarity
from reader.core.analysis_pool import analyse_pending
from reader.core.article import Article
from reader.core.importer import import_seeds
from reader.core.store import Library


def test_common_words_weigh_little_even_in_a_library_of_two() -> None:
    assert background_share("the") > 0.99 and background_share("said") > 0.3
    assert background_share("gyeongju") < 0.001 and background_share("zzqxv") == 0.0
    idf = smoothed_idf({"the": 2, "said": 2, "gyeongju": 2, "tariff": 2}, 2)
    assert idf("the") < 0.05 and idf("said") < idf("tariff")
    assert idf("gyeongju") > 10 * idf("the")
    assert idf("never-seen") > idf("gyeongju")  # in neither article, rare in English


def test_the_library_outweighs_the_background_as_it_grows() -> None:
    small = smoothed_idf({"kessing": 5}, 8)
    large = smoothed_idf({"kessing": 5000}, 8000)
    rare = smoothed_idf({}, 8)("kessing")
    assert small("kessing") < rare  # in five of eight articles: it weighs less than unseen
    assert large("kessing") < 0.5 < small("kessing")


def test_one_shared_word_alone_is_no_story() -> None:
    a = {"filler": 0.8, "bakery": 0.6}
    b = {"filler": 0.8, "choir": 0.6}
    assert cosine(a, b) > 0.6
    assert agreement(a, b, corroborated=False) == 0.0
    assert agreement(a, b, corroborated=True) == cosine(a, b)
    day = dt.date(2024, 3, 1)
    one = story_features("Filler 0", "Local bakery wins prize for sourdough loaves.", None, day)
    two = story_features("Filler 1", "School choir prepares spring concert.", None, day)
    idf = smoothed_idf({w: 1 for w in [*one.terms, *two.terms]} | {"filler": 2}, 2)
    assert vector(one.terms, idf) and similarity(one, two, idf) < 0.05


def test_a_fresh_library_of_the_two_seeds_is_one_story(tmp_path: Path) -> None:
    library = Library.open(tmp_path / "library.db")
    try:
        import_seeds(library)
        analyse_pending(library)  # stories are joined as analyses land
        (story,) = library.stories.stories()
        assert len(story.articles) == 2
        assert story.sources == ["Seed source A", "Seed source B"]
    finally:
        library.close()


def test_short_unrelated_notes_in_a_small_library_stay_apart(tmp_path: Path) -> None:
    notes = [
        "Garden club plants tulips along the canal towpath this weekend.",
        "Local bakery wins prize for sourdough loaves baked with heritage flour.",
        "Chess tournament draws players from five villages to the library hall.",
        "Volunteers restore the old lighthouse lamp and its brass fittings.",
    ]
    library = Library.open(tmp_path / "library.db")
    try:
        found = library.add_many(
            Article(
                title=f"Notes {k}",
                body=text,
                source="Gazette",
                published=dt.date(2024, 3, 1 + k),
                path=f"/x/{k}",
            )
            for k, text in enumerate(notes)
        )
        library.stories.join([i for i, _ in found], "v")
        assert [len(s.articles) for s in library.stories.stories()] == [1, 1, 1, 1]
    finally:
        library.close()
