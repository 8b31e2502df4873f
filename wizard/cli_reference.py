"""The commands that tell about the program: ``help``, ``man``, ``completion``, ``--version``,
``flows`` and ``schema``."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from flows import Flow, default_flow
from outputs.answers import (
    flows_in_folders,
)
from outputs.reporting import (
    printable,
)
from outputs.storage import SaveError, write_output
from wizard.cli_common import OK, STDIN, fail, flows_for, json_answer, say, warn
from wizard.cli_flows import FlowUnusable
from wizard.cli_parser import HELP_TOPICS, build_parser


def cmd_schema(args: Any, flow: Flow) -> int:
    """``wizard schema``: the answers file's JSON Schema, for editors."""
    from outputs.answers import render_schema

    text = render_schema(flow)
    if args.output in (None, STDIN):
        sys.stdout.write(text)
        return OK
    try:
        write_output(Path(args.output), text)
    except SaveError as error:
        raise fail(error.message) from None
    warn(f"Skemaet er gemt i {args.output}.")
    return OK


def cmd_completion(args: Any) -> int:
    """``wizard completion SHELL``: Tab completion made from the same parser as --help (shtab)."""
    import shtab

    parser = build_parser()
    for action in _file_arguments(parser):
        action.complete = shtab.FILE  # type: ignore[attr-defined]
    sys.stdout.write(shtab.complete(parser, shell=args.shell, root_prefix="wizard"))
    return OK


def _file_arguments(parser: Any) -> list[Any]:
    """Every argument of the parser and its commands that names a file or a folder."""
    import argparse

    found = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for command in action.choices.values():
                found += _file_arguments(command)
        elif action.metavar in ("FIL", "UD", "MAPPE", "SVARFIL", "GAMMEL", "NY"):
            found.append(action)
    return found


def cmd_man() -> int:
    """``wizard man``: a roff man page made from the same parser as --help (argparse-manpage)."""
    from importlib.metadata import PackageNotFoundError, version

    from argparse_manpage.manpage import Manpage

    try:
        program = version("kerneopgave-wizard")
    except PackageNotFoundError:
        program = ""
    data = {
        "prog": "wizard",
        "version": program,
        "description": "terminalguide: simpelt redskab eller forandring af kerneopgaven?",
        "manual_title": "Kerneopgave-guiden",
        "project_name": "kerneopgave-wizard",
    }
    sys.stdout.write(str(Manpage(build_parser(), _data=data)))
    return OK


def cmd_help(args: Any) -> int:
    """``wizard help format|flow``: print a format document that ships with the program."""
    if args.topic is None:
        say("Vejledninger: wizard help format (svarfilen), wizard help flow (forløbsfilen).")
        return OK
    from importlib.resources import files

    try:
        text = files("kerneopgave_docs").joinpath(HELP_TOPICS[args.topic]).read_text(encoding="utf-8")
    except (ModuleNotFoundError, OSError):
        raise fail("vejledningen findes ikke i denne installation; installér programmet igen.") from None
    sys.stdout.write(text)
    return OK


def cmd_version(args: Any) -> int:
    """``wizard --version``: the program's version and the flow's (the standard one, or --flow's)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        program = version("kerneopgave-wizard")
    except PackageNotFoundError:  # run from a source tree that was never installed
        program = "ukendt (ikke installeret)"
    flow, flow_name = flows_for(args.top_flow).default()
    where = f"fra {printable(flow_name)}" if flow_name else "indbygget"
    say(f"wizard {program}")
    say(printable(f"forløb: {flow.id} version {flow.version} ({where})"))
    return OK


def cmd_flows(args: Any, flow: Flow, flow_name: str | None) -> int:
    if args.catalogue:
        try:
            from outputs.note import render_catalogue
        except ImportError:
            raise fail("spørgsmålskataloget findes ikke i denne udgave af programmet.") from None
        sys.stdout.write(render_catalogue(flow))
        return OK
    builtin = default_flow()
    rows = [(builtin, "indbygget", flow_name is None)]
    choice = flows_for(None)
    for name, path in flows_in_folders():  # the organisation's flows folders (docs/answers-format.md)
        try:
            found, _ = choice.load(str(path))
        except FlowUnusable as error:
            warn(f"wizard: {printable(str(path))} kan ikke bruges: {error.message}")
            continue
        rows.append((found, f"--flow {name}: {path}", found is flow))
    if flow_name is not None and not any(in_use for item, _, in_use in rows if item is flow):
        rows.append((flow, flow_name, True))
    if args.json:
        flows = [
            {"id": f.id, "version": f.version, "title": f.title, "source": source, "in_use": in_use}
            for f, source, in_use in rows
        ]
        json_answer("flows", OK, flows=flows)
        return OK
    say("Forløb:")
    for item, source, in_use in rows:
        mark = ", i brug" if in_use else ""
        say(printable(f"  {item.id}  version {item.version}  {item.title}  ({source}{mark})"))
    return OK
