"""Start the screens without the cyclic garbage collector (paused by ``wizard.startup``).

Python's collector runs after every few hundred new objects. Starting the screens
creates a few hundred thousand (Textual's modules, the flow, the widgets), nearly
all of them kept for the whole session, so those runs are work the first screen waits for:
about 15-20 ms of 250 on the development machine (``python -m bench``). So the
command pauses the collector before it imports anything, and the screens resume it
as soon as the first screen is drawn. What start-up built is frozen first
(``gc.freeze``): the first collections need not look through it again. The price: a
cycle among the first page's widgets, once they are replaced, is never collected
(bounded: the widgets of one page). The headless commands resume the collector at once.
"""

from __future__ import annotations

import gc

_paused = False


def pause_collector() -> None:
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True


def resume_collector() -> None:
    """Undo ``pause_collector``; does nothing when the collector was not paused here (e.g. in tests)."""
    global _paused
    if _paused:
        _paused = False
        gc.freeze()
        gc.enable()
