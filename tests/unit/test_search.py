"""Search: the query language, ranking, snippets and their spans, and hostile input."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_store_support import make_article

from reader.core.analysis.model import Analysis, Entity
from reader.core.search import Clause, match_spans, parse_query, snippet
from reader.core.store import Library

FILLER = "Nothing much happened in the morning and the afternoon was quiet as well. " * 6


@pytest.fixture(scope="module")
def lib(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Library]:
    library = Library.open(tmp_path_factory.mktemp("search") / "library.sqlite3")
    articles = [
        make_article(
            1,
            title="Harbour storm damages boats",
            body="A storm hit the harbour overnight.",
            source="Reuters",
            published=dt.date(2024, 3, 1),
        ),
        make_article(
            2,
            title="Council budget",
            body="The council debated the storm drain budget. Storms are costly.",
            source="Associated Press",
            published=dt.date(2024, 3, 2),
        ),
        make_article(
            3,
            title="Café opens",
            body="A new café opened on the high street, serving coffee.",
            source="Reuters",
            published=dt.date(2024, 3, 3),
        ),
        make_article(
            4,
            title="Election night",
            body=FILLER + "Late in the evening the prime minister conceded the election.",
            source="The Guardian",
            published=dt.date(2024, 3, 4),
        ),
        make_article(
            5,
            title="Strike ends",
            body="Workers ended the strike after talks with Acme Corp in Leeds.",
            source="BBC News",
            published=None,
        ),
    ]
    library.add_many(articles)
    library.put_analysis(
        5,
        Analysis(
            entities=[
                Entity("Acme Corp", "org", 0, 9, "Acme Corporation"),
                Entity("Leeds", "place", 0, 5, "Leeds"),
                Entity("Jo Bloggs", "person", 0, 9, "Jo Bloggs"),
            ]
        ),
        "v1",
    )
    library.put_analysis(1, Analysis(entities=[Entity("Leeds", "place", 0, 5, "Leeds")]), "v1")
    yield library
    library.close()


def ids(lib: Library, query: str) -> list[int]:
    return [h.id for h in lib.search(query)]


def test_every_word_must_match(lib: Library) -> None:
    assert sorted(ids(lib, "storm ")) == [1, 2]
    assert ids(lib, "storm harbour ") == [1]
    assert ids(lib, "storm coffee ") == []


def test_the_last_word_matches_as_a_prefix_while_typed(lib: Library) -> None:
    assert ids(lib, "harb") == [1]
    assert sorted(ids(lib, "stor")) == [1, 2]
    assert ids(lib, "storm harb") == [1]
    # Once a space follows, the word is whole: "stor " is not a word in any article.
    assert ids(lib, "stor ") == []


def test_a_one_letter_last_word_waits_for_the_next_letter(lib: Library) -> None:
    assert ids(lib, "s") == []
    assert sorted(ids(lib, "storm s")) == [1, 2]
    assert parse_query("storm s") == parse_query("storm ")


def test_phrases(lib: Library) -> None:
    assert ids(lib, '"storm drain"') == [2]
    assert ids(lib, '"drain storm"') == []
    assert ids(lib, '"the high str') == [3]  # unclosed: the last word is a prefix


def test_diacritics_and_case_are_folded(lib: Library) -> None:
    hits = lib.search("CAFE ")
    assert [h.id for h in hits] == [3]
    hit = hits[0]
    assert [hit.snippet[s:e] for s, e in hit.snippet_matches] == ["Café", "café"]


def test_source_filter(lib: Library) -> None:
    assert ids(lib, "source:reuters") == [3, 1]  # filters only: newest first
    assert ids(lib, "source:reu storm") == [1]
    assert ids(lib, 'source:"associated press" storm') == [2]
    assert ids(lib, "source:guardian storm") == []


def test_entity_filters_use_the_cached_analysis(lib: Library) -> None:
    assert ids(lib, "org:acme") == [5]
    assert ids(lib, "org:corporation") == [5]
    assert ids(lib, "person:bloggs") == [5]
    assert ids(lib, 'person:"jo bloggs"') == [5]
    assert ids(lib, "place:leeds") == [1, 5]  # newest published first, undated last
    assert ids(lib, "place:leeds storm") == [1]
    assert ids(lib, "place:leeds source:bbc") == [5]
    assert ids(lib, "person:leeds") == []


def test_title_matches_rank_above_body_matches(lib: Library) -> None:
    hits = lib.search("storm ")
    assert [h.id for h in hits] == [1, 2]
    assert hits[0].score > hits[1].score


def test_limit(lib: Library) -> None:
    assert len(lib.search("the ", limit=2)) == 2
    assert lib.search("the ", limit=0) == []


def test_hit_fields(lib: Library) -> None:
    (hit,) = lib.search("harbour")
    assert (hit.title, hit.source, hit.published) == (
        "Harbour storm damages boats",
        "Reuters",
        dt.date(2024, 3, 1),
    )


def test_snippet_is_around_the_first_match_with_exact_spans(lib: Library) -> None:
    (hit,) = lib.search("conceded")
    assert hit.snippet.startswith("…")
    assert "conceded" in hit.snippet
    assert len(hit.snippet) <= 165
    assert "\n" not in hit.snippet
    assert [hit.snippet[s:e] for s, e in hit.snippet_matches] == ["conceded"]


def test_snippet_spans_cover_every_match_in_the_snippet(lib: Library) -> None:
    (hit,) = lib.search("storm budg")
    words = [hit.snippet[s:e] for s, e in hit.snippet_matches]
    # The title line and the body; "Storms" is not the word "storm".
    assert words == ["budget", "storm", "budget"]


def test_snippet_without_a_body_match_starts_at_the_top(lib: Library) -> None:
    hits = lib.search("source:bbc")
    assert hits[0].snippet.startswith("Strike ends")
    assert hits[0].snippet_matches == []


def test_snippet_function_directly() -> None:
    body = ("word " * 100) + "needle in the haystack " + ("word " * 100)
    text, spans = snippet(parse_query("needle haystack "), body)
    assert text.startswith("…") and text.endswith("…")
    assert [text[s:e] for s, e in spans] == ["needle", "haystack"]
    assert 100 <= len(text) <= 165
    text, spans = snippet(parse_query("needle"), "needle")
    assert (text, spans) == ("needle", [(0, 6)])


def test_match_spans_for_titles() -> None:
    q = parse_query('"storm damages" boa')
    title = "Harbour storm damages boats"
    assert [title[s:e] for s, e in match_spans(q, title)] == ["storm damages", "boats"]
    assert match_spans(parse_query("source:reuters"), title) == []


def test_parse_query_shapes() -> None:
    q = parse_query('Storm "high street" source:"The Guardian" person:bl U.S. hurri')
    assert q.clauses == (
        Clause(("storm",)),
        Clause(("high", "street")),
        Clause(("the", "guardian"), prefix=True, field="source"),
        Clause(("bl",), prefix=True, field="person"),
        Clause(("u", "s")),
        Clause(("hurri",), prefix=True),
    )
    assert parse_query("http://example.com").clauses == (
        Clause(("http", "example", "com"), prefix=True),
    )
    assert parse_query("").is_empty
    assert parse_query("   ").is_empty
    assert parse_query("storm storm ").clauses == (Clause(("storm",)),)


HOSTILE = [
    "",
    " ",
    '"',
    '""',
    '"""',
    "'",
    "*",
    "-",
    "-storm",
    "storm*",
    "NEAR",
    "NEAR(storm harbour, 2)",
    "storm AND",
    "AND",
    "OR storm",
    "NOT",
    "storm NOT harbour",
    "^storm",
    "title:storm",
    "{title body}: storm",
    "(storm",
    "storm)",
    "source:",
    'source:"',
    "person:'",
    "place:*",
    ":",
    "::::",
    "\x00",
    "storm\x00harbour",
    "\ud800",
    "🌧️ storm",
    "\u202eevil",
    "a" * 5000,
    "storm " * 200,
    "%_\\",
    "' OR 1=1 --",
    '"; DROP TABLE articles; --',
]


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_queries_never_raise(lib: Library, query: str) -> None:
    hits = lib.search(query)
    assert isinstance(hits, list)
    for hit in hits:
        for s, e in hit.snippet_matches:
            assert 0 <= s < e <= len(hit.snippet)


def test_hostile_queries_still_find_what_they_say(lib: Library) -> None:
    assert sorted(ids(lib, "storm*")) == [1, 2]
    assert ids(lib, "(storm) {harbour}*") == [1]
    assert sorted(ids(lib, "-storm")) == [1, 2]
    assert ids(lib, "NEAR(storm harbour)") == []  # "near" is just a word, in no article
    assert lib.count() == 5  # and nothing was dropped


def test_empty_query_finds_nothing(lib: Library) -> None:
    assert lib.search("") == []
    assert lib.search("  \t ") == []


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(
        st.sampled_from([*'ab sto"-*():^{}NEARORD\x00é', "source:", "org:", "NEAR(", " AND "]),
        max_size=12,
    ).map("".join)
)
def test_any_typed_text_is_safe(lib: Library, query: str) -> None:
    for end in range(len(query) + 1):  # every keystroke
        lib.search(query[:end])


def test_search_accepts_a_parsed_query(tmp_path: Path) -> None:
    with Library.open(tmp_path / "l.sqlite3") as library:
        library.add(make_article(1, title="Harbour storm"))
        assert [h.id for h in library.search(parse_query("harbour"))] == [1]


def test_spans_match_words_written_with_diacritics_either_way() -> None:
    body = "The café’s “owner” read a RÉSUMÉ, a résumé and a resume."
    text, spans = snippet(parse_query("resume "), body)
    assert [text[s:e] for s, e in spans] == ["RÉSUMÉ", "résumé", "resume"]
    q = parse_query("Résumé ")
    assert [body[s:e] for s, e in match_spans(q, body)] == ["RÉSUMÉ", "résumé", "resume"]


def test_spans_start_at_word_starts_only() -> None:
    text = "xpolice police_car policeman Police"  # "_" separates words, as in FTS5
    q = parse_query("police ")
    assert [text[s:e] for s, e in match_spans(q, text)] == ["police", "Police"]
    prefix = parse_query("poli")
    assert [text[s:e] for s, e in match_spans(prefix, text)] == ["police", "policeman", "Police"]


def test_spans_in_text_whose_lower_case_is_longer() -> None:
    text = "İstanbul police met Police"  # "İ".lower() is two characters
    spans = match_spans(parse_query("police "), text)
    assert [text[s:e] for s, e in spans] == ["police", "Police"]


def test_broad_phrase_ranks_title_matches_first_then_newest(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader.core.store import library_search

    monkeypatch.setattr(library_search, "SEARCH_CANDIDATES", 4)
    with Library.open(tmp_path / "l.sqlite3") as library:
        library.add(make_article(0, title="Old news", body="Nothing to see."))
        library.add(make_article(1, title="Said the minister", body="He said the word."))
        for n in range(2, 6):
            library.add(make_article(n, body=f"Then she said the thing {n}."))
        hits = library.search('"said the"')
        # The newest four matches (ids 6, 5, 4, 3): none has the phrase in its title, so
        # newest first; the older title match (id 2) is beyond the candidates.
        assert [h.id for h in hits] == [6, 5, 4, 3]
        library.add(make_article(9, title="They said the truth", body="Yes."))
        assert [h.id for h in library.search('"said the"')][:2] == [7, 6]
        assert [h.id for h in library.search('"said the"', limit=1)] == [7]
        assert [h.id for h in library.search('"said the" source:daily')][:1] == [7]
        assert library.search('"said the" source:nowhere') == []
