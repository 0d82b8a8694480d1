"""The figure ledger keyed by what is measured, on three hand-written stories about the
ECB's June 2025 rate cut (tests/unit/data/ecb): two outlets, one of them twice, with
deliberate disagreements (May inflation 1.9 % against 1.8 %, 2026 growth 1.1 % against
1.2 %) and agreements (the 2.0 % and 1.6 % inflation projections for 2025 and 2026)."""

from __future__ import annotations

import itertools
import re
from pathlib import Path
from typing import Any

import pytest

from reader.core.analysis.compare.comparison import compare, source_labels
from reader.core.analysis.compare.measure import measures, same_quantity
from reader.core.analysis.numbers.find import find_numbers
from reader.core.analysis.pipeline import analyze_set
from reader.core.analysis.text.sentences import split_sentences
from reader.core.analysis.timex.find import find_times
from reader.core.article import Article
from reader.core.loaders import load_path

DATA = Path(__file__).parent / "data" / "ecb"


def stories(*names: str) -> list[Article]:
    out = []
    for name in names:
        article = load_path(DATA / name)
        assert isinstance(article, Article)
        out.append(article)
    return out


def ledger(articles: list[Article]) -> dict[str, Any]:
    return compare(list(zip(articles, analyze_set(articles), strict=True)))


def by_label(data: dict[str, Any]) -> dict[str, tuple[str, list[str | None]]]:
    return {
        r["label"]: (r["status"], [v["text"] if v else None for v in r["values"]])
        for r in data["numbers"]
    }


ALL = ("a_harbour.txt", "b_meridian.txt", "c_meridian.txt")


def test_same_quantity_and_period_with_different_values_is_one_differ_row() -> None:
    rows = by_label(ledger(stories(*ALL)))
    assert rows["inflation · May 2025"] == ("differ", ["1.9%", "1.8%", "1.8%"])
    assert rows["growth · 2026"] == ("differ", ["1.1%", "1.2%", None])


def test_projections_for_each_year_agree_row_by_row() -> None:
    rows = by_label(ledger(stories(*ALL)))
    assert rows["inflation · 2025"] == ("agree", ["2.0%", "2.0%", None])
    assert rows["inflation · 2026"] == ("agree", ["1.6%", "1.6%", "1.6%"])
    assert rows["growth · 2025"] == ("agree", ["0.9%", "0.9%", None])
    assert rows["deposit rate"] == ("agree", ["2%", "2%", "2.0%"])  # A: the headline first


def test_this_year_is_labelled_by_the_year_it_means() -> None:
    rows = ledger(stories("a_harbour.txt", "b_meridian.txt"))["numbers"]
    assert all("this year" not in r["label"] for r in rows)
    growth = next(r for r in rows if r["label"] == "growth · 2025")
    assert growth["period"] == "2025" and growth["quantity"] == "growth"


@pytest.mark.parametrize("order", list(itertools.permutations(ALL)))
def test_labels_do_not_depend_on_the_order_of_the_articles(order: tuple[str, ...]) -> None:
    rows = ledger(stories(*order))["numbers"]
    labels = sorted((r["label"], r["status"]) for r in rows)
    expected = sorted((r["label"], r["status"]) for r in ledger(stories(*ALL))["numbers"])
    assert labels == expected


def test_no_label_is_a_bare_unit_a_dateline_or_a_headline_fragment() -> None:
    for names in (ALL, tuple(p.name for p in sorted(Path("seeds").glob("*.txt")))):
        folder = DATA if names is ALL else Path("seeds")
        articles = [load_path(folder / n) for n in names]
        assert all(isinstance(a, Article) for a in articles)
        rows = ledger(articles)["numbers"]  # type: ignore[arg-type]
        for row in rows:
            label = row["label"]
            assert re.search(r"[A-Za-z]{3}", label) and label not in ("USD", "EUR"), label
            assert not re.search(r"\b[A-Z]{5,}\b", label), label  # "GYEONGJU", a dateline
            assert "Demand" not in label  # the seed headline's last word


def test_two_articles_of_one_outlet_are_two_sources_named_by_title() -> None:
    articles = stories(*ALL)
    labels = source_labels(articles)
    assert labels[0] == "Harbour Gazette"
    assert labels[1] == "Meridian Post: Lagarde hints at a pause after eighth ECB rate cut"
    assert labels[2] == "Meridian Post: What the ECB's June cut means for savers"
    assert [a["label"] for a in ledger(articles)["articles"]] == labels


def test_a_listed_figure_measures_what_the_one_before_it_does() -> None:
    body = "Staff see unemployment averaging 6.3% in 2025 and 6.0% in 2026."
    nums = find_numbers(body)
    dates = find_times(body, Article(title="", body=body).published or None)
    got = measures(body, nums, split_sentences(body), dates)
    assert [(m.quantity, m.period) for m in got] == [
        ("unemployment", "2025"),
        ("unemployment", "2026"),
    ]


def test_same_quantity_needs_one_head_and_compatible_qualifiers() -> None:
    assert same_quantity("euro zone inflation", "Inflation")
    assert same_quantity("tariff on Korean goods", "tariffs on Korean cars")
    assert not same_quantity("tariff on steel", "tariff on cars")
    assert not same_quantity("deposit rate", "unemployment")


def _articles(*bodies: str) -> list[Article]:
    return [
        Article(title=f"t{k}", body=b, path=f"{k}.txt", source=f"Outlet {k}")
        for k, b in enumerate(bodies)
    ]


def test_a_counted_noun_alone_does_not_make_two_counts_disagree() -> None:
    rows = ledger(
        _articles(
            "Police said 129 people were arrested at the march.",
            "Floods killed 60 people in the valley.",
        )
    )["numbers"]
    assert [r["status"] for r in rows] == ["single", "single"]


def test_labels_skip_adverbs_participles_and_pronouns() -> None:
    rows = ledger(
        _articles(
            "The bank apparently forgave 40% of the loan.",
            "I think unemployment will reach 16 per cent.",
        )
    )["numbers"]
    labels = {r["label"] for r in rows}
    assert "loan" in labels and "unemployment" in labels
    assert not labels & {"apparently forgave", "I"}
