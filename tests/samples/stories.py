"""A small invented library of stories told by several outlets (fictional places, people and
figures), with feed subscriptions recording which outlet's feed brought which article.

`build_story_library(path)` imports the articles the way the app does (stored, analysed,
joined to stories) and subscribes the feeds; one feed carries nothing, so coverage has a
"do not". Used by the Stories pilot tests, snapshots and `scripts/screenshots.py`.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

# (outlet, day of March 2024, title, paragraphs)
ARTICLES: list[tuple[str, int, str, list[str]]] = [
    (
        "Harbour Courier",
        12,
        "Tamsin estuary bridge collapses after storm",
        [
            "KESSING — The Harbour bridge over the Tamsin estuary collapsed on Monday night"
            " after the storm, leaving 4,000 commuters stranded.",
            "Mayor Ines Varga said the council would open an inquiry into the collapse on"
            " Wednesday and asked engineers for a report within 30 days.",
            "Engineer Tomas Brell, who inspected the piers in 2021, said repairs could cost"
            " $40 million and take until September.",
            "Ferries from Lorn Quay will run every 20 minutes until a temporary crossing opens,"
            " the Kessing Transport Authority said.",
        ],
    ),
    (
        "Valley Herald",
        12,
        "Commuters stranded as Kessing bridge falls into the Tamsin",
        [
            "Ferries from Lorn Quay will run every 20 minutes, the Kessing Transport Authority"
            " said on Monday, after the Harbour bridge fell into the Tamsin estuary.",
            "About 4,000 commuters use the bridge each day. Nobody was hurt.",
            "Tomas Brell, the engineer who last inspected the bridge, put the repair bill at"
            " $40 million.",
            "Mayor Ines Varga promised an inquiry, to open on Wednesday.",
        ],
    ),
    (
        "Northern Post",
        13,
        "Inquiry into Tamsin bridge collapse to open Wednesday",
        [
            "Mayor Ines Varga will open the inquiry into the collapse of the Harbour bridge on"
            " Wednesday, the Kessing council said.",
            "The council chief, Odile Fenn, said the storm on Monday brought winds of 140 km/h"
            " to the Tamsin estuary.",
            "Tomas Brell, who inspected the bridge piers in 2021, estimated repairs at $40"
            " million.",
        ],
    ),
    (
        "Science Wire",
        14,
        "Comet Halvard flares in a bright outburst of dust",
        [
            "Astronomers at the Merrow Observatory said comet Halvard brightened 200-fold in an"
            " outburst of dust and ice on Tuesday.",
            "Dr Anouk Selle, who leads the observatory's comet survey, said the tail now spans"
            " 2 degrees of sky.",
            "The comet should fade by April as it leaves the inner solar system.",
        ],
    ),
    (
        "Valley Herald",
        15,
        "Halvard comet outburst visible through binoculars",
        [
            "Comet Halvard can be seen through binoculars after Tuesday's outburst, Dr Anouk"
            " Selle of the Merrow Observatory said.",
            "The outburst made the comet 200 times brighter; its tail spans 2 degrees.",
        ],
    ),
    (
        "Northern Post",
        16,
        "Kessing dockworkers strike over pay",
        [
            "Dockworkers at the Port of Kessing walked out on Friday over a pay offer of 3"
            " percent, the Harbour Workers Union said.",
            "Union leader Marek Ostrow said 1,200 members would stay out until the port"
            " authority improved its offer.",
        ],
    ),
    (
        "Harbour Courier",
        16,
        "Port of Kessing at a standstill as 1,200 dockworkers strike",
        [
            "The Port of Kessing stood still on Friday as 1,200 dockworkers struck over a 3"
            " percent pay offer.",
            "Marek Ostrow of the Harbour Workers Union said the strike would last until the"
            " port authority raised its offer.",
        ],
    ),
    (
        "Valley Herald",
        17,
        "Garden club plants tulips along the canal towpath",
        [
            "The Lorn Garden Club planted 5,000 tulip bulbs along the canal towpath on Saturday.",
        ],
    ),
]

FEEDS = ["Harbour Courier", "Valley Herald", "Northern Post", "Science Wire", "Daily Ledger"]


def feed_url(outlet: str) -> str:
    return "https://" + outlet.lower().replace(" ", "-") + ".example/feed.xml"


def build_story_library(path: Path, *, feeds: bool = True, seeds: bool = False) -> list[int]:
    """The invented articles (and the bundled seeds when `seeds`) imported into a library at
    `path`, joined to stories; the outlets subscribed as feeds when `feeds`. Returns the ids
    of the invented articles, in `ARTICLES` order."""
    from reader.core.analysis import analyzer_version
    from reader.core.article import Article, Block
    from reader.core.importer import import_seeds
    from reader.core.store import Library

    library = Library.open(path)
    try:
        if seeds:  # each seed a story of its own, joined before the others arrive
            import_seeds(library)
            library.stories.join(sorted(library.ids()), analyzer_version())
        articles = []
        for outlet, day, title, paragraphs in ARTICLES:
            body = "\n\n".join(paragraphs)
            blocks, at = [], 0
            for paragraph in paragraphs:
                blocks.append(Block("paragraph", at, at + len(paragraph)))
                at += len(paragraph) + 2
            articles.append(
                Article(
                    title=title,
                    body=body,
                    blocks=blocks,
                    source=outlet,
                    published=dt.date(2024, 3, day),
                    path=f"/samples/{title}.txt",
                )
            )
        ids = [i for i, _ in library.add_many(articles)]
        from reader.core.library_analysis import analysed_items

        # Analysed and landed (cached, and joined to stories in this order), as the
        # background analysis leaves an import.
        analysed_items(library, ids)
        if feeds:
            for outlet in FEEDS:
                library.add_feed(feed_url(outlet))
                library.record_fetch(
                    feed_url(outlet), fetched=dt.datetime(2024, 3, 17, tzinfo=dt.UTC), title=outlet
                )
            for (outlet, *_), article in zip(ARTICLES, articles, strict=True):
                library.link_entries(feed_url(outlet), {article.path: article.content_hash})
        return ids
    finally:
        library.close()
