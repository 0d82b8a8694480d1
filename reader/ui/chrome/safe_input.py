"""A text input for what users type or paste: it never holds terminal control characters."""

from __future__ import annotations

from textual.widgets import Input

from reader.core.sanitize import visible


class SafeInput(Input):
    """An Input whose value never holds terminal control characters: pasted ESC, C0/C1 and
    bidi controls are stored and shown as visible symbols (same length, cursor unmoved)."""

    def validate_value(self, value: str) -> str:
        return visible(value)
