"""Keep text from an answers file from steering the leader's terminal.

An answer, a note or a reason may hold escape sequences (a colour code, a cursor
move, an OSC 52 clipboard write), because a file can be written by anyone and text
can be pasted. Textual draws such text as it is, and the terminal would obey it.
This filter runs on every line the screens draw, just before it is written, and
drops the control characters (C0, DEL, C1 such as CSI 0x9B, and the
bidirectional overrides): what is left of a sequence, like "[31m", is shown as
plain text. The answers themselves are not touched; only what reaches the
terminal is.

The dropped characters take no cells on the screen (Textual measures them as zero
wide), so dropping them keeps every line exactly as wide as Textual laid it out.
"""

from __future__ import annotations

import re

from rich.segment import Segment
from textual.color import Color
from textual.filter import LineFilter

from outputs.reporting import BEYOND_C0

# The same characters as outputs.reporting.terminal_safe, with tab and newline too: inside a drawn
# line they would move the cursor.
_CONTROL = re.compile(f"[\x00-\x1f{BEYOND_C0}]")


class InertControls(LineFilter):
    """Drop control characters from the text of drawn lines (Textual's own control segments stay)."""

    def apply(self, segments: list[Segment], background: Color) -> list[Segment]:
        if not any(_CONTROL.search(text) for text, _, control in segments if not control):
            return segments  # the usual case: nothing to do, nothing copied
        cleaned: list[Segment] = []
        for segment in segments:
            text, style, control = segment
            if not control and _CONTROL.search(text):
                text = _CONTROL.sub("", text)
                if not text:
                    continue  # an empty segment is invalid in a strip
                segment = Segment(text, style, control)
            cleaned.append(segment)
        return cleaned


INERT_CONTROLS = InertControls()  # one instance: Textual caches filtered lines per filter
