"""The dialog that subscribes to a feed: one line for its address, enter to subscribe."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from reader.ui.chrome.safe_input import SafeInput

HELP = (
    "An RSS or Atom feed's web address (http or https), or the path of a saved feed file: "
    "Broadsheet fetches it now and whenever you update feeds (u). An article's address "
    "adds that page to the library."
)


class FeedPrompt(ModalScreen[str | None]):
    """Dismissed with the address typed (stripped), or None when cancelled."""

    CSS_PATH = "../screens.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="feed.cancel", tooltip="Subscribe to nothing"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="feed-dialog") as dialog:
            dialog.border_title = "Subscribe to a feed"
            dialog.border_subtitle = "enter to subscribe · esc to cancel"
            yield SafeInput(placeholder="https://example.com/feed.xml", id="feed-input")
            yield Static(HELP, id="feed-help", markup=False)

    @on(Input.Submitted, "#feed-input")
    def _submitted(self, event: Input.Submitted) -> None:
        location = event.value.strip()
        if location:
            self.dismiss(location)
        else:
            self.app.bell()

    def action_cancel(self) -> None:
        self.dismiss(None)
