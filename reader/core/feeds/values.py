"""What feedparser does to a feed's values, for the streaming reader to do the same: the
last touches to text (`fix`), links resolved (`urljoin`), dates (`parse_date`), content
types (`map_type`), and whether HTML is plain enough to need no sanitiser (`plain_html`).
`Odd` is raised where feedparser would do something else."""

from __future__ import annotations

import contextlib
import datetime as dt
import re
import time
from urllib.parse import urljoin as _std_urljoin

_PLAIN_TAGS = frozenset(
    [
        "a",
        "abbr",
        "b",
        "big",
        "blockquote",
        "br",
        "caption",
        "cite",
        "code",
        "dd",
        "del",
        "div",
        "dl",
        "dt",
        "em",
        "figcaption",
        "figure",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "hr",
        "i",
        "img",
        "ins",
        "kbd",
        "li",
        "ol",
        "p",
        "pre",
        "q",
        "s",
        "small",
        "span",
        "strike",
        "strong",
        "sub",
        "sup",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "tt",
        "u",
        "ul",
    ]
)
_PLAIN_TAG = re.compile(
    r"</?(?:" + "|".join(sorted(_PLAIN_TAGS, key=len, reverse=True)) + r")(?=[\s/>])[^<>]*>",
    re.IGNORECASE,
)
_AMP = re.compile(r"&(?!(?:amp|lt|gt|quot|apos|nbsp|#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6});)")
_MAYBE_HTML = re.compile(r"</\w+>|&#?\w+;")  # feedparser's first test of "looks like HTML"
_URIFIXER = re.compile("^([A-Za-z][A-Za-z0-9+-.]*://)(/*)(.*?)")
_C1 = re.compile("[\x80-\x9f]")
_MONTHS = {
    m: i
    for i, m in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
    )
}
_RFC822 = re.compile(
    r"^(?:[A-Za-z]{3},\s*)?(\d{1,2})\s+([A-Za-z]{3})\s+(\d{4})\s+(\d\d):(\d\d)(?::(\d\d))?"
    r"\s+(GMT|UT|Z|[+-]\d{4})$"
)
_W3DTF = re.compile(r"^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d)(?::(\d\d)(?:\.\d+)?)?(Z|[+-]\d\d:\d\d)$")


class Odd(Exception):
    """The feed holds something this reader does not read as feedparser does."""


def maybe_html(value: str) -> bool:
    """feedparser's first test of whether RSS text is HTML: a closing tag or an entity."""
    return _MAYBE_HTML.search(value) is not None


def map_type(kind: str) -> str:
    kind = kind.lower()
    return {"text": "text/plain", "plain": "text/plain", "html": "text/html"}.get(
        kind, "application/xhtml+xml" if kind == "xhtml" else kind
    )


def fix(value: str) -> str:
    """feedparser's last touches to a UTF-8 feed's text: UTF-8 read as Latin-1 is undone;
    C1 controls (which it maps to Windows-1252) are Odd."""
    if value.isascii():
        return value
    with contextlib.suppress(UnicodeEncodeError, UnicodeDecodeError):
        value = value.encode("iso-8859-1").decode("utf-8")
    if _C1.search(value):
        raise Odd("C1 control characters")
    return value


def plain_html(value: str) -> bool:
    """True when `value` holds only plain tags and entities (no comments, scripts …)."""
    if "<" not in value and "&" not in value:
        return True
    if "<!" in value or "<?" in value or ("&" in value and _AMP.search(value)):
        return False
    tags = value.count("<")
    if tags == value.count("<p>") + value.count("</p>") and value.count(">") == tags:
        return True  # only bare <p> and </p> (most feeds' text): str counts, not a regex scan
    rest = _PLAIN_TAG.sub("", value)  # what is left of it is text, or it is not plain
    return "<" not in rest and ">" not in rest


def urljoin(base: str, uri: str) -> str:
    uri = _URIFIXER.sub(r"\1\3", uri)
    try:
        return _std_urljoin(base, uri)
    except ValueError:
        return ""


def parse_date(value: str) -> time.struct_time | None:
    """The UTC time of an RFC 822 or W3C date, as feedparser's parser gives it; other forms
    are read by feedparser's parser itself."""
    try:
        if (m := _RFC822.match(value)) is not None:
            month = _MONTHS.get(m[2].lower())
            if month is not None:
                when = dt.datetime(
                    int(m[3]), month, int(m[1]), int(m[4]), int(m[5]), int(m[6] or 0)
                )
                zone = m[7]
                if zone[0] in "+-":
                    sign = -1 if zone[0] == "-" else 1
                    when -= sign * dt.timedelta(hours=int(zone[1:3]), minutes=int(zone[3:5]))
                return when.timetuple()
        elif (m := _W3DTF.match(value)) is not None:
            when = dt.datetime(int(m[1]), int(m[2]), int(m[3]), int(m[4]), int(m[5]))
            when += dt.timedelta(seconds=int(m[6] or 0))
            zone = m[7]
            if zone != "Z":
                sign = -1 if zone[0] == "-" else 1
                when -= sign * dt.timedelta(hours=int(zone[1:3]), minutes=int(zone[4:6]))
            return when.timetuple()
    except (ValueError, OverflowError):
        pass
    from feedparser.datetimes import _parse_date as feedparser_date  # (rare forms only)

    parsed: time.struct_time | None = feedparser_date(value)
    return parsed
