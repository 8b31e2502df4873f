"""The ``wizard`` command's entry: pause the garbage collector, then hand over to the command line.

Only this module starts things; the collector helpers live in ``wizard.collector`` so that the
command line and the screens can resume it without importing their own entry point (no import circle).
"""

from __future__ import annotations

from wizard.collector import pause_collector


def main() -> int:
    pause_collector()
    from wizard.cli import main as command_line  # imported with the collector paused

    return command_line()
