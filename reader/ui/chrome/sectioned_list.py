"""An OptionList whose disabled rows are section headings (days, comparison sections)."""

from __future__ import annotations

from textual.widgets import OptionList


class SectionedOptionList(OptionList):
    """Disabled options head sections; `action_section` steps between them."""

    def action_section(self, step: int) -> None:
        """Highlight the first row under the next (`step` 1) or previous (-1) heading."""
        options = self.options
        starts = [
            n + 1
            for n, option in enumerate(options[:-1])
            if option.disabled and not options[n + 1].disabled
        ]
        current = self.highlighted if self.highlighted is not None else -1
        if step > 0:
            target = next((n for n in starts if n > current), None)
        else:
            target = next((n for n in reversed(starts) if n < current), None)
        if target is not None:
            self.highlighted = target

    def action_first(self) -> None:
        """The first row, and the heading(s) above it in view (the default scrolls the first
        enabled row to the top, hiding the first section's heading)."""
        super().action_first()
        self.call_after_refresh(self.scroll_home, animate=False, immediate=True)
