"""Values as the library's columns hold them, for the parts of the store that share them:
text made storable on the way in, dates read back from their ISO text."""

from __future__ import annotations

import datetime as dt
import re

_SURROGATE = re.compile("[\ud800-\udfff]")


def storable_text(text: str) -> str:
    """`text` with lone surrogates (which SQLite cannot store) replaced by U+FFFD: one
    character for one, so every offset into it stays valid."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return _SURROGATE.sub("\ufffd", text)
    return text


def stored_date(text: str | None) -> dt.date | None:
    """The date stored as ISO text `text`; None when there is none or it is unreadable."""
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None
