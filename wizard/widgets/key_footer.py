"""The footer with the screen's keys, drawn as one line of text: ``^N Næste ^P Forrige ...``.

Textual's Footer is a widget per key, rebuilt (mounted and styled again) on every
"bindings changed" signal: ~25 ms before the first screen could be drawn, and again
when a page turn changed the keys. This footer is one widget whose line is
repainted only when the keys it shows change. It looks like the compact Footer
(the same theme colours) and a key can still be clicked.
"""

from __future__ import annotations

from typing import ClassVar, NamedTuple

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.reactive import reactive
from textual.screen import Screen
from textual.widget import Widget


class ShownKey(NamedTuple):
    key: str  # what a click presses
    display: str  # "^N"
    description: str  # "Næste"
    enabled: bool


class KeyFooter(Widget):
    COMPONENT_CLASSES: ClassVar[set[str]] = {"key-footer--key", "key-footer--description"}
    DEFAULT_CSS = """
    KeyFooter {
        dock: bottom;
        height: 1;
        text-wrap: nowrap;
        color: $footer-foreground;
        background: $footer-background;
        .key-footer--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        .key-footer--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
    }
    """

    keys: reactive[tuple[ShownKey, ...]] = reactive((), layout=False)

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self._bindings_changed(self.screen)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen) -> None:
        if screen is not self.screen:
            return
        first_per_action: dict[str, ShownKey] = {}  # "ctrl+f,f1" is one key in the footer, as on Textual's
        for _, binding, enabled, _ in screen.active_bindings.values():
            if binding.show and binding.action not in first_per_action:
                display = self.app.get_key_display(binding)
                first_per_action[binding.action] = ShownKey(binding.key, display, binding.description, enabled)
        # A reactive: assigning the same keys again (every focus change does) repaints nothing.
        self.keys = tuple(first_per_action.values())

    def render(self) -> Text:
        key_style = self.get_component_rich_style("key-footer--key")
        description_style = self.get_component_rich_style("key-footer--description")
        line = Text(no_wrap=True, end="")
        for index, shown in enumerate(self.keys):
            if index:
                line.append(" ")
            start = len(line)
            line.append(shown.display, key_style)
            line.append(f" {shown.description}", description_style)
            if not shown.enabled:
                line.stylize("dim", start)
        return line

    def on_click(self, event: events.Click) -> None:
        """A click on "^N Næste" presses Ctrl+N, as on Textual's footer."""
        end = 0
        for shown in self.keys:
            start, end = end, end + cell_len(f"{shown.display} {shown.description}")  # cells, not characters
            if start <= event.x < end:
                if shown.enabled:
                    self.app.simulate_key(shown.key)
                else:
                    self.app.bell()
                return
            end += 1  # the space between two keys
