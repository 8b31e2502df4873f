"""Entry modules that load a part of their group only when one of its names is first used (PEP 562).

The screens start with a few names from a group (the agenda, reading the answers file) and the
headless commands with others (the renderer, the template, the JSON Schema): loading every part
of a group at start would cost the first screen several milliseconds of modules it never uses.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Mapping
from typing import Any


def lazy_names(package: str, homes: Mapping[str, str]) -> Callable[[str], Any]:
    """The module ``__getattr__`` for ``package``: ``homes`` maps each public name to its module."""

    def __getattr__(name: str) -> Any:
        home = homes.get(name)
        if home is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(f"{package}.{home}"), name)
        setattr(sys.modules[package], name, value)  # found directly from now on
        return value

    return __getattr__
