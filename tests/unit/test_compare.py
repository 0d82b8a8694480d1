"""Cross-source comparison, from hand-built entities and the real number finder."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.analysis.compare.comparison import Comparison, compare, compare_sources
from reader.core.analysis.model import Analysis, Entity
from reader.core.analysis.numbers.find import find_numbers
from reader.core.article import Article


def item(body: str, names: list[tuple[str, str]] = (), path: str = "") -> tuple[Article, Analysis]:  # type: ignore[assignment]
    entities = []
    for name, kind in names:
        start = body.index(name)
        entities.append(Entity(name, kind, start, start + len(name), name))  # type: ignore[arg-type]
    article = Article(title=path.upper(), body=body, path=path)
    return article, Analysis(entities=entities, numbers=find_numbers(body))


def rows(c: Comparison, status: str) -> list[tuple[str, list[str | None]]]:
    return [
        (r.label, [v.text if v else None for v in r.values])
        for r in c.numbers
        if r.status == status
    ]


def test_entities_shared_and_only_with_counts() -> None:
    a = item(
        "Quist met Varga in Ostby. Quist left.",
        [("Quist", "person"), ("Varga", "person"), ("Ostby", "place")],
        "a",
    )
    a[1].entities.append(Entity("Quist", "person", 26, 31, "Quist"))
    b = item("Quist spoke in Lund.", [("Quist", "person"), ("Lund", "place")], "b")
    c = compare_sources([a, b])
    assert [(r.name, r.kind, r.counts) for r in c.shared] == [("Quist", "person", [2, 1])]
    assert [(r.name, r.counts) for r in c.only] == [
        ("Varga", [1, 0]),
        ("Ostby", [1, 0]),
        ("Lund", [0, 1]),
    ]


def test_spellings_differing_in_hyphens_case_or_dots_count_as_one() -> None:
    a = item("Ada Lin-ho met U.S. envoys.", [("Ada Lin-ho", "person"), ("U.S.", "place")], "a")
    b = item("Ada Lin Ho thanked the US.", [("Ada Lin Ho", "person"), ("US", "place")], "b")
    c = compare_sources([a, b])
    assert [(r.name, r.counts) for r in c.shared] == [("Ada Lin-ho", [1, 1]), ("U.S.", [1, 1])]
    assert c.only == []


def test_same_amount_for_the_same_thing_agrees() -> None:
    a = item("The province wants a $80 billion rail package from the federal government.", path="a")
    b = item("Ottawa balked at the $80 billion rail package the province demanded.", path="b")
    assert rows(compare_sources([a, b]), "agree") == [
        ("rail package", ["$80 billion", "$80 billion"])
    ]


def test_different_amounts_for_the_same_thing_differ_and_keep_hedges() -> None:
    a = item("Gulf investors pledged nearly $300 billion in port investment to Norland.", path="a")
    b = item("Norland said Gulf investors pledged $290 billion in port investment.", path="b")
    c = compare_sources([a, b])
    assert rows(c, "differ") == [("port investment", ["$300 billion", "$290 billion"])]
    values = c.numbers[0].values
    assert values[0] is not None and values[0].hedge == "nearly"
    assert values[1] is not None and values[1].hedge == ""


def test_a_figure_only_one_source_has_is_single() -> None:
    a = item("Tariffs on Norland steel rose to 40%. Some 900 dockers struck.", path="a")
    b = item("Tariffs on Norland steel rose to 40% on Friday.", path="b")
    c = compare_sources([a, b])
    assert rows(c, "agree") == [("tariffs on Norland steel", ["40%", "40%"])]
    assert rows(c, "single") == [("dockers", ["900", None])]


def test_unrelated_figures_of_the_same_kind_do_not_match() -> None:
    a = item("Unemployment in the north fell to 6% last spring.", path="a")
    b = item("The ferry company raised ticket prices by 12% for tourists.", path="b")
    c = compare_sources([a, b])
    assert [r.status for r in c.numbers] == ["single", "single"]


def test_other_currency_never_matches() -> None:
    a = item("The lender approved $5 billion in loans for the dam.", path="a")
    b = item("The lender approved €5 billion in loans for the dam.", path="b")
    assert [r.status for r in compare_sources([a, b]).numbers] == ["single", "single"]


def test_repeated_amount_in_one_article_is_one_figure() -> None:
    a = item(
        "Norland Seeks $12 Billion\nNorland wants $12 billion for roads. The $12 billion ask stuns.",
        path="a",
    )
    b = item("The $12 billion road plan was shelved.", path="b")
    c = compare_sources([a, b])
    assert len(c.numbers) == 1 and c.numbers[0].status == "agree"


def test_json_form_is_the_cli_contract() -> None:
    a = item("Quist asked for $3 million.", [("Quist", "person")], "a.txt")
    b = item("Quist got $2 million.", [("Quist", "person")], "b.txt")
    data = compare([a, b])
    json.dumps(data)
    assert data["articles"] == [
        {"path": "a.txt", "title": "A.TXT", "source": "", "label": "Source A"},
        {"path": "b.txt", "title": "B.TXT", "source": "", "label": "Source B"},
    ]
    assert set(data["entities"]) == {"shared", "only"}
    assert data["entities"]["shared"][0] == {"name": "Quist", "kind": "person", "counts": [1, 1]}
    for row in data["numbers"]:
        assert set(row) == {"status", "kind", "unit", "label", "quantity", "period", "values"}
        assert len(row["values"]) == 2
        for v in row["values"]:
            assert v is None or set(v) == {"article", "text", "value", "start", "end", "hedge"}


def test_no_articles() -> None:
    assert compare([]) == {"articles": [], "entities": {"shared": [], "only": []}, "numbers": []}


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.text(
            alphabet=st.sampled_from(list("$€%0123456789 ,.abcdefmnorstuwy\nBMT"))
            | st.characters(),
            max_size=200,
        ),
        min_size=1,
        max_size=3,
    )
)
def test_any_texts_give_a_valid_comparison(bodies: list[str]) -> None:
    items = [item(body, path=f"{k}") for k, body in enumerate(bodies)]
    data = compare(items)
    json.dumps(data)
    for row in data["numbers"]:
        assert len(row["values"]) == len(bodies)
        assert row["status"] in {"agree", "differ", "single"}
        present = [v for v in row["values"] if v]
        assert present and (row["status"] == "single") == (len(present) == 1)
        for v in present:
            assert bodies[v["article"]][v["start"] : v["end"]] == v["text"]
