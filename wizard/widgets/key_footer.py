"""The footer with the keys, rebuilt only when the keys it shows change.

Textual's Footer rebuilds every key on each "bindings changed" signal. Moving to the
next question sends several (the old field loses focus, the new one gets it, the page
refreshes its keys), and each rebuild mounts and styles every key again: that was
most of the time from Enter to the next question on the screen. The keys shown are
the same from one question to the next, so this footer looks before it rebuilds.
"""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer


class KeyFooter(Footer):
    def __init__(self) -> None:
        super().__init__(compact=True, show_command_palette=False)
        self._shown: tuple[object, ...] | None = None
        self._pending = False

    def bindings_changed(self, screen: Screen) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen and not self._pending:
            self._pending = True  # several signals before the next refresh: one look is enough
            self.call_after_refresh(self._rebuild_if_changed)

    async def _rebuild_if_changed(self) -> None:
        self._pending = False
        if not self.is_attached:
            return
        shown = tuple(
            (binding, enabled, tooltip)
            for (_, binding, enabled, tooltip) in self.screen.active_bindings.values()
            if binding.show
        )
        if shown != self._shown:
            self._shown = shown
            await self.recompose()
