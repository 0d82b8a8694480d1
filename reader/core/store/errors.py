"""The one exception the library raises: what the user must hear about it, in one line.

`Library` turns SQLite's own exceptions into it (its error funnel); its parts raise it for
what they find wrong themselves, such as an article id that is not in the library.
"""


class LibraryError(Exception):
    """Something the user must hear about the library; `str()` is one clear line."""
