"""What every part of the library (the mixins `Library` is made of) uses of `Library`
itself, declared once for type checkers: the thread's connection, write transactions and
the error funnel. At run time the class is empty."""

from __future__ import annotations

import sqlite3
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING


class LibraryPart:
    if TYPE_CHECKING:  # provided by Library

        @property
        def _con(self) -> sqlite3.Connection: ...

        def _write(self) -> AbstractContextManager[sqlite3.Connection]: ...

        def _errors(self) -> AbstractContextManager[None]: ...
