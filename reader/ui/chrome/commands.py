"""The command palette's entries: one per action of the app, the reading screen, the list
and the panes, from the same binding table the keys come from, each showing its key."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.dom import DOMNode

from reader.ui.chrome.key_bindings import all_binding_groups

SKIP = {"command-palette"}


class ReaderCommands(Provider):
    """Every Broadsheet action; each runs where its key would (app, screen, list, pane)."""

    def _entries(self) -> Iterator[tuple[str, str, str, str]]:
        keymap: dict[str, str] = getattr(self.app, "user_keymap", {})
        for group, bindings in all_binding_groups():
            for binding in bindings:
                if binding.id in SKIP:
                    continue
                key = keymap.get(binding.id or "", binding.key_display or binding.key)
                tip = f"{key} · {binding.tooltip}" if binding.tooltip else key
                yield binding.description, binding.action, tip, group

    def _target(self, group: str) -> DOMNode | None:
        from reader.ui.reading.article_list import ArticleList
        from reader.ui.reading.reading_pane import ReadingPane

        screen = self.screen
        if group == "Everywhere":
            return self.app
        if group == "Article list":
            return next(iter(screen.query(ArticleList)), None)
        if group == "Reading pane":
            focused = screen.focused
            return (
                focused
                if isinstance(focused, ReadingPane)
                else next(iter(screen.query(ReadingPane)), None)
            )
        return screen

    def _run(self, action: str, group: str) -> None:
        target = self._target(group)
        if target is not None:
            self.app.call_later(self.app.run_action, action, target)

    async def discover(self) -> Hits:
        for text, action, tip, group in self._entries():
            yield DiscoveryHit(text, partial(self._run, action, group), text=text, help=tip)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for text, action, tip, group in self._entries():
            score = matcher.match(text)
            if score > 0:
                command = partial(self._run, action, group)
                yield Hit(score, matcher.highlight(text), command, text=text, help=tip)
