"""The command palette's entries: one per action of the reading screen and the app, from the
same binding table the keys come from, each showing its current key."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from reader.ui.key_bindings import all_binding_groups


class ReaderCommands(Provider):
    """Every Broadsheet action (list, panes, highlighting, other screens)."""

    def _entries(self) -> Iterator[tuple[str, str, str]]:
        keymap: dict[str, str] = getattr(self.app, "user_keymap", {})
        for _, bindings in all_binding_groups():
            for binding in bindings:
                if binding.id in ("command-palette",):
                    continue
                key = keymap.get(binding.id or "", binding.key_display or binding.key)
                yield binding.description, binding.action, f"{key} · {binding.tooltip}".rstrip(" ·")

    def _run(self, action: str) -> None:
        self.app.call_later(self.screen.run_action, action)

    async def discover(self) -> Hits:
        for text, action, help_text in self._entries():
            yield DiscoveryHit(text, partial(self._run, action), text=text, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for text, action, help_text in self._entries():
            score = matcher.match(text)
            if score > 0:
                yield Hit(
                    score,
                    matcher.highlight(text),
                    partial(self._run, action),
                    text=text,
                    help=help_text,
                )
