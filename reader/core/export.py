"""Markdown and JSON exports of a timeline and of a comparison (dates read as
`reader.core.date_labels` labels them).

Headless: no Textual, no Rich. Article text is untrusted: in Markdown it is flattened to one
line, control characters are made visible and Markdown punctuation is escaped, so a headline
cannot inject a link, a heading or an HTML tag. JSON keeps the values verbatim.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol

import platformdirs

from reader.core.analysis.timeline.build import Event
from reader.core.date_labels import chronological, date_label, day_label, group_key
from reader.core.sanitize import one_line

# What can start markup mid-line: emphasis, code, links and images (`[`, `]`: with both
# escaped no `(...)` can become a link target), HTML and autolinks (`<`, `>`), entities (`&`),
# table cells (`|`), strikethrough (`~`), a heading's closing `#`s, and the escape itself.
# Parentheses, braces, `+` and `!` mean nothing on their own: "Q3 2025 (Jul–Sep)" stays as is.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~&])")


class SourceLike(Protocol):
    """What an export needs to know about each article of the reading set (`SourceRef`)."""

    @property
    def article_id(self) -> int: ...
    @property
    def label(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def published(self) -> str: ...


# --- text ----------------------------------------------------------------------------------


def md_text(text: str, limit: int = 400) -> str:
    """Untrusted text made safe for one line of Markdown."""
    return _MD_SPECIAL.sub(r"\\\1", one_line(text, limit))


def badge(sources: Sequence[SourceLike], article: int) -> str:
    """The label of the `article`-th source of the reading set ("?" if there is none)."""
    if 0 <= article < len(sources):
        return sources[article].label
    return "?"


def _sources_md(sources: Sequence[SourceLike]) -> list[str]:
    lines = ["## Sources", ""]
    for src in sources:
        published = f" ({md_text(src.published, 40)})" if src.published else ""
        lines.append(f"- **{md_text(src.label, 80)}**: {md_text(src.title, 200)}{published}")
    return [*lines, ""]


def _sources_json(sources: Sequence[SourceLike]) -> list[dict[str, Any]]:
    return [
        {
            "article_id": s.article_id,
            "label": s.label,
            "title": s.title,
            "published": s.published,
        }
        for s in sources
    ]


# --- timeline ------------------------------------------------------------------------------


def timeline_markdown(events: Sequence[Event], sources: Sequence[SourceLike]) -> str:
    """The timeline as Markdown: a heading per day, a bullet per event with its sources."""
    lines = ["# Timeline", "", *_sources_md(sources)]
    current: str | None = None
    for event in chronological(events):
        key = group_key(event.date)
        if key != current:
            current = key
            if lines[-1]:
                lines.append("")  # a heading after a list needs a blank line before it
            lines += [f"## {md_text(day_label(event.date), 80)}", ""]
        when = md_text(date_label(event.date, event.end, event.mod), 80)
        if event.inferred:
            when += " (inferred)"
        places = ", ".join(md_text(p, 60) for p in event.places)
        where = f" · {places}" if places else ""
        labels = ", ".join(md_text(badge(sources, s.article), 40) for s in event.sources)
        cited = f" — {labels}" if labels else ""
        lines.append(f"- **{when}**{where}: {md_text(event.summary)}{cited}")
    if not events:
        lines.append("No dated events.")
    return "\n".join(lines).rstrip() + "\n"


def timeline_json(events: Sequence[Event], sources: Sequence[SourceLike]) -> str:
    """The timeline as JSON: the sources, and each event with its readable date added."""
    data = {
        "sources": _sources_json(sources),
        "events": [
            {**e.to_json(), "label": date_label(e.date, e.end, e.mod)}
            for e in chronological(events)
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


# --- comparison ----------------------------------------------------------------------------


def _labels(comparison: dict[str, Any], sources: Sequence[SourceLike] | None) -> list[str]:
    if sources:
        return [s.label for s in sources]
    articles = comparison.get("articles") or []
    return [
        str(a.get("title") or a.get("path") or f"Source {i + 1}") for i, a in enumerate(articles)
    ]


def figure_text(value: object) -> str:
    """One source's figure with its hedge ("nearly $500 billion"); "" when it has none."""
    if not isinstance(value, dict):
        return ""
    text = str(value.get("text", ""))
    hedge = str(value.get("hedge") or "")
    if hedge and hedge.lower() not in text.lower():
        text = f"{hedge} {text}"
    return text


def _dicts(rows: object) -> list[dict[str, Any]]:
    return [r for r in rows if isinstance(r, dict)] if isinstance(rows, list) else []


STATUS_WORDS = {"agree": "agree", "differ": "differ", "single": "one source only"}


def comparison_markdown(
    comparison: dict[str, Any], sources: Sequence[SourceLike] | None = None
) -> str:
    """The comparison as Markdown tables: shared entities, entities in one source only, and
    the ledger of figures."""
    labels = _labels(comparison, sources)
    head = " | ".join(md_text(lab, 40) for lab in labels)
    rule = " | ".join("---:" for _ in labels)
    lines = ["# Comparison", ""]
    if sources:
        lines += _sources_md(sources)
    entities = comparison.get("entities") or {}
    shared = _dicts(entities.get("shared")) if isinstance(entities, dict) else []
    only = _dicts(entities.get("only")) if isinstance(entities, dict) else []
    for title, rows in (("In every source", shared), ("Not in every source", only)):
        lines += [f"## {title}", ""]
        if not rows:
            lines += ["None.", ""]
            continue
        lines += [f"| Entity | Kind | {head} |", f"| --- | --- | {rule} |"]
        for row in rows:
            counts = " | ".join(md_text(str(c), 12) for c in row.get("counts") or [])
            name = md_text(str(row.get("name", "")), 80)
            lines.append(f"| {name} | {md_text(str(row.get('kind', '')), 20)} | {counts} |")
        lines.append("")
    lines += ["## Figures", ""]
    numbers = _dicts(comparison.get("numbers"))
    if not numbers:
        lines += ["None.", ""]
    else:
        lines += [
            f"| Status | Figure | {head} |",
            f"| --- | --- | {' | '.join('---' for _ in labels)} |",
        ]
        for row in numbers:
            status = STATUS_WORDS.get(str(row.get("status", "")), str(row.get("status", "")))
            label = md_text(str(row.get("label") or row.get("unit") or ""), 80)
            values = " | ".join(md_text(figure_text(v) or "—", 80) for v in row.get("values") or [])
            lines.append(f"| {md_text(status, 20)} | {label} | {values} |")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def comparison_json(comparison: dict[str, Any], sources: Sequence[SourceLike] | None = None) -> str:
    """The comparison as JSON: the engine's dict, with the sources of the reading set."""
    data = {**comparison}
    if sources:
        data["sources"] = _sources_json(sources)
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


# --- files ---------------------------------------------------------------------------------


def default_export_dir() -> Path:
    """Where exports go unless told otherwise: a Broadsheet folder in the user's documents."""
    return platformdirs.user_documents_path() / "Broadsheet"


def shown_folder(folder: Path, width: int = 44) -> str:
    """`folder` for a one-line notice: the home folder as `~`, and when still longer than
    `width`, its leading folders elided (`…/Documents/Broadsheet`), never a name cut."""
    text = str(folder)
    home = str(Path.home())
    if home not in ("", "/") and (text == home or text.startswith(home.rstrip("/") + "/")):
        text = "~" + text[len(home.rstrip("/")) :]
    if len(text) <= width:
        return text
    parts = Path(text).parts
    kept = parts[-1]
    for part in reversed(parts[:-1]):
        if len(part) + len(kept) + 3 > width:
            break
        kept = f"{part}/{kept}" if part != "/" else f"/{kept}"
    return kept if kept.startswith("/") else f"…/{kept}"


def export_notice(what: str, md_path: Path, json_path: Path) -> str:
    """The notification after an export: the file names whole, each on its line, then the
    folder (elided to fit), so a toast never breaks a name mid-word."""
    return f"{what} exported:\n{md_path.name}\n{json_path.name}\nin {shown_folder(md_path.parent)}"


def write_export(
    directory: Path, stem: str, markdown: str, json_text: str, when: dt.datetime | None = None
) -> tuple[Path, Path]:
    """Write `<stem>-<timestamp>.md` and `.json` into `directory` (created if needed), never
    overwriting an earlier export. Returns the two paths."""
    directory.mkdir(parents=True, exist_ok=True)
    stamp = (when or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
    base = f"{stem}-{stamp}"
    n = 1
    while (directory / f"{base}.md").exists() or (directory / f"{base}.json").exists():
        n += 1
        base = f"{stem}-{stamp}-{n}"
    md_path, json_path = directory / f"{base}.md", directory / f"{base}.json"
    md_path.write_text(markdown, encoding="utf-8")
    json_path.write_text(json_text, encoding="utf-8")
    return md_path, json_path
