"""The Broadsheet app and `make_app`, the one factory the CLI, the tests and the screenshot
script all use.

Only Textual and the UI's own light modules are imported here: a library that is ready is
opened and its first page read before the first frame (anything else, a new library or one
to migrate, in a worker), and the analysis engine is imported only when an article is
analysed. `bench/run.py` measures the start-up against a bare Textual app.
"""

from __future__ import annotations

import datetime as dt
import gc
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual.app import App, SystemCommand
from textual.binding import BindingType
from textual.screen import Screen
from textual.theme import Theme

from reader.core.sanitize import visible
from reader.ui.chrome.commands import ReaderCommands
from reader.ui.chrome.key_bindings import all_binding_groups, app_bindings
from reader.ui.chrome.keymap import KeymapError, default_keymap_path, load_keymap

if TYPE_CHECKING:
    from collections.abc import Iterable

    from reader.core.store import Library

DEFAULT_THEME = "textual-dark"
MONO_THEME = "broadsheet-mono"
# Textual palette entries the app replaces: its help panel ("Keys") by the app's Help.
SUPERSEDED = frozenset({"Keys"})

# Greys only: the colour-free look, chosen by NO_COLOR, color=False or by name.
MONO = Theme(
    name=MONO_THEME,
    primary="#c0c0c0",
    secondary="#a0a0a0",
    accent="#e0e0e0",
    foreground="#e0e0e0",
    background="#101010",
    surface="#181818",
    panel="#202020",
    warning="#b0b0b0",
    error="#d0d0d0",
    success="#909090",
    dark=True,
)


class BroadsheetApp(App[int]):
    """A news reader for reading one story across several outlets."""

    CSS_PATH = "broadsheet.tcss"
    TITLE = "Broadsheet"
    BINDINGS: ClassVar[list[BindingType]] = app_bindings()
    COMMANDS = App.COMMANDS | {ReaderCommands}

    def __init__(
        self,
        library: Library | str | Path | None,
        *,
        now: dt.datetime | None = None,
        theme: str = DEFAULT_THEME,
        colour: bool = True,
        keymap: dict[str, str] | None = None,
        keymap_problem: str = "",
        background: bool = True,
    ) -> None:
        super().__init__()
        self.background = background  # analyse waiting articles in worker processes
        # Everything imported so far (Textual, Rich, the UI's modules: ~100k objects) lives as
        # long as the process. Frozen, the collector stops walking it: a full collection then
        # takes ~1 ms instead of ~14, which fell inside the first frame at 100k articles
        # (bench/run.py) and later in the middle of scrolling.
        gc.freeze()
        self.library_spec = library
        self.now = now or dt.datetime.now(dt.UTC)
        self._fixed_now = now
        self._colour_wanted = colour
        self.user_keymap = keymap or {}
        # The timeline event last highlighted, by reading set (article ids): reopened, the
        # timeline starts there.
        self.timeline_places: dict[tuple[int, ...], tuple[str, int, int]] = {}
        # And its scroll offset, so the event is back on the same row.
        self.timeline_scrolls: dict[tuple[int, ...], float] = {}
        # The story last highlighted in the Stories view (its id), and whether the articles
        # alone were listed: reopened, the view starts there.
        self.stories_place: tuple[int | None, bool] = (None, False)
        self._keymap_problem = keymap_problem
        self.register_theme(MONO)
        self.theme = theme if colour else MONO_THEME
        if not self.colour and not self.no_color:
            from textual.filter import Monochrome

            self.no_color = True
            self._filters.append(Monochrome())

    def clock(self) -> dt.datetime:
        """The time now: the one the app was made with (tests, screenshots), else the real
        one."""
        return self._fixed_now or dt.datetime.now(dt.UTC)

    @property
    def colour(self) -> bool:
        """Highlight with colours (else weights, underlines and glyphs)."""
        return self._colour_wanted and self.theme != MONO_THEME

    def get_default_screen(self) -> Screen[Any]:
        from reader.ui.reading.main_screen import MainScreen

        return MainScreen(
            self.library_spec,
            clock=self.clock,
            colour=lambda: self.colour,
            background=self.background,
        )

    def on_mount(self) -> None:
        if self.user_keymap:
            self.set_keymap(self.user_keymap)
        if self._keymap_problem:
            problem = visible(self._keymap_problem)
            self.notify(problem, title="Keymap not used", severity="warning", markup=False)

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """Textual's own palette entries, less those the app has its own of: its "Quit"
        (the app's binding is listed already) and "Keys" (the app's "Help" shows every key)."""
        ours = {binding.description for _, group in all_binding_groups() for binding in group}
        for command in super().get_system_commands(screen):
            if command.title not in ours and command.title not in SUPERSEDED:
                yield command

    def action_help(self) -> None:
        from reader.ui.chrome.help_screen import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))


def binding_ids() -> set[str]:
    return {b.id for _, group in all_binding_groups() for b in group if b.id}


def make_app(
    library: Library | str | Path | None = None,
    *,
    now: dt.datetime | None = None,
    theme: str | None = None,
    color: bool | None = None,
    keymap: Path | None = None,
    background: bool = True,
) -> BroadsheetApp:
    """Build the app. `library`: an open `Library`, a path, or None for the user's library.
    `color=None` follows `NO_COLOR`; `keymap=None` reads the user's keymap.toml;
    `background`: analyse the articles waiting for their analysis in worker processes
    (progress in the title line); off, each is analysed when opened."""
    if color is None:
        color = "NO_COLOR" not in os.environ
    problem = ""
    try:
        keys = load_keymap(keymap if keymap is not None else default_keymap_path(), binding_ids())
    except KeymapError as exc:
        keys, problem = {}, str(exc)
    return BroadsheetApp(
        library,
        now=now,
        theme=theme or DEFAULT_THEME,
        colour=color,
        keymap=keys,
        keymap_problem=problem,
        background=background,
    )


def run_app(library: str | Path | None = None) -> int:
    """Run the app in the terminal; the exit code for the shell."""
    result = make_app(library).run()
    return result if isinstance(result, int) else 0
