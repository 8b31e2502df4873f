"""Which flow a command reads each answers file with, in this order (docs/answers-format.md):

1. ``--flow FIL`` or ``--flow NAVN`` (a name in the organisation's flows folders);
2. the flow the answers file remembers (``[svarfil] forloeb-fil``, ``outputs.answers.flow_source``);
3. ``KERNEOPGAVE_FLOW``, the flow IT sets for every new file;
4. the built-in flow.

A flow file is read and checked once per run, however many answers files use it.
Problems are raised, not printed: ``wizard.cli`` says them as it says every other error.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from flows import Flow, default_flow
from outputs.answers import (
    FLOWS_FOLDER_VARIABLE,
    find_by_name,
    flows_folders,
    is_name,
    origin_of,
    remember_origin,
    remembered_source,
    resolve,
)
from outputs.flow_file import FlowFileError, read_flow_file
from outputs.reporting import printable
from outputs.toml import read_limited

FLOW_VARIABLE = "KERNEOPGAVE_FLOW"  # an organisation's own flow for every leader (README: installation)
STDIN = "-"


class FlowUnusable(Exception):
    """The flow cannot be used: ``message`` says why and what to do, after the located ``details``."""

    def __init__(self, message: str, details: list[str] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.details = details or []


class MissingFlow(FlowUnusable):
    """The flow an answers file remembers is not where it says (the file itself may still be fine)."""


class FlowChoice:
    """The flow for each answers file of one command; ``explicit`` is ``--flow``'s value, if given.
    ``describe`` turns an OSError on a flow file into a Danish sentence (as for any other file)."""

    def __init__(self, explicit: str | None, describe: Callable[[str, OSError], str]) -> None:
        self.explicit = explicit
        self.describe = describe
        self._default: tuple[Flow, str | None] | None = None

    def default(self) -> tuple[Flow, str | None]:
        """The flow when no answers file says otherwise (steps 1, 3 and 4), and how to name it."""
        if self._default is None:
            self._default = self.load(self.explicit)
        return self._default

    def for_file(self, data: bytes, name: str) -> Flow:
        """The flow for the answers file ``name`` with content ``data``; MissingFlow when the flow it
        remembers is not there (the message names the file and what to do)."""
        source = None if self.explicit is not None else remembered_source(data)
        if source is None:
            return self.default()[0]
        path = resolve(source, None if name == STDIN else Path(name))
        if path is None:
            raise MissingFlow(missing_flow_message(name, source))
        return self.load(str(path), f" (svarfilen {printable(name)} husker den som forloeb-fil)")[0]

    def for_path(self, path: Path) -> tuple[Flow, str | None]:
        """As ``for_file`` for the screens, which read the file themselves; the flow and how to name it."""
        try:
            data = read_limited(path) if self.explicit is None and path.is_file() else b""
        except OSError:
            data = b""  # the screens say why they cannot open it
        source = remembered_source(data)
        if source is None:
            return self.default()
        return self.for_file(data, str(path)), source

    def load(self, argument: str | None, where: str = "") -> tuple[Flow, str | None]:
        """The flow ``argument`` names (a file, or a name in the flows folders), else the one in
        KERNEOPGAVE_FLOW, else the built-in one; and how to name it. ``where`` ends a message about it."""
        from_environment = argument is None and bool(os.environ.get(FLOW_VARIABLE, "").strip())
        if from_environment:
            argument = os.environ[FLOW_VARIABLE].strip()
            where = f" (fra miljøvariablen {FLOW_VARIABLE}; bed IT om at rette den)"
        if argument is None:
            return default_flow(), None
        path = Path(argument).expanduser()
        if is_name(argument) and not path.exists():
            path = find_by_name(argument) or path  # "--flow vores-forloeb": the organisation's flows folder
        key = os.path.realpath(path)
        try:
            flow = _loaded.get(key) or read_flow_file(path)
        except FlowFileError as error:
            details = [problem.render() for problem in error.problems]
            raise FlowUnusable(f"forløbsfilen {printable(argument)} kan ikke bruges{where}.", details) from None
        except OSError as error:
            raise FlowUnusable(self.describe(argument, error).removesuffix(".") + f"{where}.") from None
        _loaded[key] = flow
        remember_origin(flow, origin_of(path))  # so an answers file written with it names it
        return flow, argument


_loaded: dict[str, Flow] = {}  # real path of a flow file -> its flow: many answers files, one flow read once


def missing_flow_message(name: str, source: str) -> str:
    shown = printable(name)
    if is_name(source):
        folders = ", ".join(printable(str(folder)) for folder in flows_folders())
        return (
            f"svarfilen {shown} er lavet med organisationens forløb »{printable(source)}«, men forløbet findes "
            f"ikke (søgt efter {printable(source)}.toml i {folders}). Brug --flow FIL med forløbsfilen, eller bed "
            f"IT om at lægge den i en af mapperne (eller pege på mappen med {FLOWS_FOLDER_VARIABLE})."
        )
    return (
        f"svarfilen {shown} er lavet med forløbet i {printable(source)} (forloeb-fil i [svarfil]), men den fil "
        "findes ikke. Brug --flow FIL med forløbsfilen; svarfilen husker den nye placering, næste gang guiden gemmer."
    )
