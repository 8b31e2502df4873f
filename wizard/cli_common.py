"""What every command shares: its voice (Danish lines on the terminal, one JSON shape, the exit
codes) and its first steps (reading an answers file or standard input, checking it with its flow)."""

from __future__ import annotations

import json
import os
import re
import stat
import sys
from pathlib import Path

from flows import Answers, Flow
from outputs.answers import (
    check_answers_bytes,
)
from outputs.reporting import (
    BEYOND_C0,
    NotAFileError,
    Problem,
    counts,
    danish_reason,
    printable,
    working_folder_gone,
)
from outputs.toml import MAX_FILE_BYTES, read_limited
from wizard.cli_flows import FlowChoice
from wizard.cli_parser import UsageError

OK, FILE_ERRORS, CANNOT_RUN, INTERRUPTED, BROKEN_PIPE = 0, 1, 2, 130, 141


STDIN = "-"


class Stop(Exception):
    """End the command with ``code``; whatever had to be said has been said."""

    def __init__(self, code: int) -> None:
        self.code = code


def say(text: str = "") -> None:
    print(text, file=sys.stdout)


def warn(text: str) -> None:
    print(printable(text, keep_newlines=True), file=sys.stderr)


def fail(message: str, code: int = CANNOT_RUN) -> Stop:
    warn(f"wizard: fejl: {message}")
    return Stop(code)


JSON_FORMAT = 1  # the version of the shape every --json answer has (docs/answers-format.md)


def json_answer(command: str, code: int, **payload: object) -> None:
    """Print a command's --json answer: one object of one shape for every command, so a script
    can always read ``format``, ``command``, ``ok`` and ``exit_code`` before the command's own keys."""
    print_json({"format": JSON_FORMAT, "command": command, "ok": code == OK, "exit_code": code, **payload})


def print_json(data: object) -> None:
    text = json.dumps(data, ensure_ascii=False, indent=2)
    # json escapes C0 controls itself; DEL, C1 and bidi controls are escaped here too.
    text = re.sub(f"[{BEYOND_C0}]", lambda m: f"\\u{ord(m.group()):04x}", text)
    say(text)


def count_problems(problems: list[Problem]) -> str:
    errors, warnings = counts(problems)
    parts = []
    if errors:
        parts.append(f"{errors} fejl")
    if warnings:
        parts.append(f"{warnings} {'advarsel' if warnings == 1 else 'advarsler'}")
    return " og ".join(parts)


def flows_for(explicit: str | None) -> FlowChoice:
    return FlowChoice(explicit, read_error)


def read_error(argument: str, error: OSError) -> str:
    shown = printable(argument)
    if isinstance(error, FileNotFoundError) and not Path(argument).is_absolute() and not working_folder_exists():
        return working_folder_gone(Path(argument), reading=True)
    if isinstance(error, FileNotFoundError):
        return f"filen {shown} findes ikke."
    if isinstance(error, IsADirectoryError):
        return f"{shown} er en mappe, ikke en fil."
    if isinstance(error, PermissionError):
        return f"du har ikke adgang til at læse {shown}."
    if isinstance(error, NotAFileError):
        return f"{shown} er ikke en svarfil: {error.reason}. Brug '-' for at læse fra standard-input."
    return f"filen {shown} kunne ikke læses: {danish_reason(error)}."


def read_input(argument: str) -> tuple[bytes, str]:
    """The bytes of an answers file (or standard input) and the name to use in messages."""
    if argument == STDIN:
        return sys.stdin.buffer.read(MAX_FILE_BYTES + 1), STDIN
    return read_limited(Path(argument)), argument


def check_one(argument: str, flows: FlowChoice) -> tuple[Answers | None, list[Problem], Flow]:
    """Read and check one answers file with its flow; Stop(2) when it cannot be read at all."""
    try:
        data, name = read_input(argument)
    except OSError as error:
        raise fail(read_error(argument, error)) from None
    flow = flows.for_file(data, name)
    return (*check_answers_bytes(data, flow, name), flow)


def working_folder_exists() -> bool:
    try:
        os.getcwd()
    except FileNotFoundError:
        return False
    return True


def usage_error(message: str, command: str = "") -> UsageError:
    return UsageError(message, "", command)


def is_regular_file(path: Path) -> bool:
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return False


def names_a_descriptor(path: Path) -> bool:
    """/dev/stdout and the like: the shell has already decided what happens to the file (> or >>)."""
    return str(path) in ("/dev/stdout", "/dev/stderr") or str(path).startswith(("/dev/fd/", "/proc/self/fd/"))
