"""Beside the list: the highlighted story's coverage — which outlets carry it, which do not."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from reader.core.sanitize import one_line
from reader.core.store.story_rows import Story
from reader.ui.stories.story_data import Coverage


def coverage_content(story: Story, coverage: Coverage, compact: bool = False) -> Content:
    """The story's title, then the outlets carrying it (✓) and those not (·), one a line, or
    each group on one line when `compact`. Plain text."""
    noun = "subscribed feeds" if coverage.by == "feeds" else "sources in the library"
    total = len(coverage.carrying) + len(coverage.missing)
    lines: list[Content] = [
        Content.styled(one_line(story.title or "(untitled)", 300), "bold"),
        Content.styled(f"{len(coverage.carrying)} of {total} {noun} carry it", "$text-muted"),
    ]
    if compact:
        carry = ", ".join(one_line(c, 40) for c in coverage.carrying) or "none of them"
        miss = ", ".join(one_line(m, 40) for m in coverage.missing) or "every one carries it"
        lines += [
            Content.assemble(("✓ Carry it: ", "bold $text-success"), carry),
            Content.assemble(("· Do not: ", "bold $text-warning"), miss),
        ]
        return Content("\n").join(lines)
    lines += [Content(""), Content.styled("Carry it", "bold $text-success")]
    lines += [
        Content.assemble(("  ✓ ", "$text-success"), one_line(c, 60)) for c in coverage.carrying
    ]
    if not coverage.carrying:
        lines.append(Content.styled("  none of them", "$text-muted"))
    lines += [Content(""), Content.styled("Do not", "bold $text-warning")]
    lines += [Content.assemble(("  · ", "$text-muted"), one_line(m, 60)) for m in coverage.missing]
    if not coverage.missing:
        lines.append(Content.styled("  every one carries it", "$text-muted"))
    if coverage.by == "sources":
        lines += [
            Content(""),
            Content.styled(
                "No feeds subscribed: press a on the main screen to add one.", "$text-muted"
            ),
        ]
    return Content("\n").join(lines)


class CoveragePanel(Static):
    """Shows what the screen gives it (`show`); nothing of its own."""

    def show(self, story: Story | None, coverage: Coverage | None, compact: bool = False) -> None:
        if story is None or coverage is None:
            self.update(Content(""))
        else:
            self.update(coverage_content(story, coverage, compact))
