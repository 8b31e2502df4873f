"""The command line: ``wizard [FIL]`` opens the screens; the subcommands work without one.

``wizard --plain [FIL]`` (also ``ACCESSIBLE=1`` or ``TERM=dumb``) is the same guide line by
line (``wizard.plain``), for screen readers and terminals that cannot draw screens.

    wizard check FIL...      tjek svarfiler (alle problemer på én gang)
    wizard template          en svarfil, klar til at udfylde
    wizard status FIL        buddet, hvorfor, og hvor langt man er
    wizard export FIL        noten til mødet som Markdown
    wizard flows             forløbene og spørgsmålskataloget

Exit codes: 0 all well, 1 errors in a file, 2 the command could not run (usage,
a missing or unreadable file, a broken flow file; with ``export --wiki``: git said no,
and the note is saved locally instead), 130 interrupted (Ctrl-C), 141 output
pipe closed early (as a shell reports a writer stopped by SIGPIPE).

The headless commands and the plain mode never import Textual: the screens (``wizard.app``) and the
Markdown export (``outputs.note.markdown``, ``outputs.note.catalogue``) are imported inside
the commands that need them.
"""

from __future__ import annotations

import json
import os
import re
import stat
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from flows import Answers, Flow, default_flow
from flows.ids import nearest
from outputs.answers import (
    PrefillError,
    check_answers_bytes,
    check_answers_text,
    collect,
    flows_in_folders,
    render_filled_template,
    render_template,
)
from outputs.reporting import (
    BEYOND_C0,
    NotAFileError,
    Problem,
    counts,
    danish_reason,
    has_errors,
    printable,
    working_folder_gone,
)
from outputs.storage import SaveError, write_output
from outputs.toml import MAX_FILE_BYTES, read_limited
from wizard.cli_flows import FlowChoice, FlowUnusable, MissingFlow
from wizard.cli_parser import COMMANDS, HEADLESS, HELP_TOPICS, UsageError, build_app_parser, build_parser
from wizard.cli_status import status_dict, status_text
from wizard.collector import resume_collector

OK, FILE_ERRORS, CANNOT_RUN, INTERRUPTED, BROKEN_PIPE = 0, 1, 2, 130, 141
STDIN = "-"


class _Stop(Exception):
    """End the command with ``code``; whatever had to be said has been said."""

    def __init__(self, code: int) -> None:
        self.code = code


# -- output -------------------------------------------------------------------------------


def _say(text: str = "") -> None:
    print(text, file=sys.stdout)


def _warn(text: str) -> None:
    print(printable(text, keep_newlines=True), file=sys.stderr)


def _fail(message: str, code: int = CANNOT_RUN) -> _Stop:
    _warn(f"wizard: fejl: {message}")
    return _Stop(code)


JSON_FORMAT = 1  # the version of the shape every --json answer has (docs/answers-format.md)


def _json_answer(command: str, code: int, **payload: object) -> None:
    """Print a command's --json answer: one object of one shape for every command, so a script
    can always read ``format``, ``command``, ``ok`` and ``exit_code`` before the command's own keys."""
    _print_json({"format": JSON_FORMAT, "command": command, "ok": code == OK, "exit_code": code, **payload})


def _print_json(data: object) -> None:
    text = json.dumps(data, ensure_ascii=False, indent=2)
    # json escapes C0 controls itself; DEL, C1 and bidi controls are escaped here too.
    text = re.sub(f"[{BEYOND_C0}]", lambda m: f"\\u{ord(m.group()):04x}", text)
    _say(text)


def _count(problems: list[Problem]) -> str:
    errors, warnings = counts(problems)
    parts = []
    if errors:
        parts.append(f"{errors} fejl")
    if warnings:
        parts.append(f"{warnings} {'advarsel' if warnings == 1 else 'advarsler'}")
    return " og ".join(parts)


def _first_word(argv: list[str]) -> str | None:
    """The first argument that is not an option (or the value of --flow)."""
    skip = False
    for index, token in enumerate(argv):
        if skip:
            skip = False
        elif token == "--":
            return argv[index + 1] if index + 1 < len(argv) else None
        elif token == "--flow":
            skip = True
        elif token == STDIN or not token.startswith("-"):
            return token
    return None


# -- shared steps ---------------------------------------------------------------------------


def _flows(explicit: str | None) -> FlowChoice:
    return FlowChoice(explicit, _read_error)


def _read_error(argument: str, error: OSError) -> str:
    shown = printable(argument)
    if isinstance(error, FileNotFoundError) and not Path(argument).is_absolute() and not _working_folder_exists():
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


def _read(argument: str) -> tuple[bytes, str]:
    """The bytes of an answers file (or standard input) and the name to use in messages."""
    if argument == STDIN:
        return sys.stdin.buffer.read(MAX_FILE_BYTES + 1), STDIN
    return read_limited(Path(argument)), argument


def _check_one(argument: str, flows: FlowChoice) -> tuple[Answers | None, list[Problem], Flow]:
    """Read and check one answers file with its flow; _Stop(2) when it cannot be read at all."""
    try:
        data, name = _read(argument)
    except OSError as error:
        raise _fail(_read_error(argument, error)) from None
    flow = flows.for_file(data, name)
    return (*check_answers_bytes(data, flow, name), flow)


# -- commands -------------------------------------------------------------------------------


def _cmd_check(args: Any, flows: FlowChoice) -> int:
    code = OK
    results: list[dict[str, Any]] = []
    for argument in args.files:
        try:
            data, name = _read(argument)
        except OSError as error:
            message = _read_error(argument, error)
            results.append({"file": argument, "ok": False, "could_not_read": message})
            if not args.json:
                _warn(f"wizard: fejl: {message}")
            code = CANNOT_RUN
            continue
        try:
            flow = flows.for_file(data, name)
        except MissingFlow as missing:
            results.append({"file": argument, "ok": False, "could_not_read": missing.message})
            if not args.json:
                _warn(f"wizard: fejl: {missing.message}")
            code = CANNOT_RUN
            continue
        _, problems = check_answers_bytes(data, flow, name)
        errors = has_errors(problems)
        if errors:
            code = max(code, FILE_ERRORS)
        results.append(
            {
                "file": name,
                "ok": not errors,
                "errors": counts(problems)[0],
                "warnings": counts(problems)[1],
                "problems": [problem.as_dict() for problem in problems],
            }
        )
        if not args.json:
            for problem in problems:
                _say(problem.render())
            verdict = f"{_count(problems)}" if errors else "i orden" + (f" ({_count(problems)})" if problems else "")
            _say(f"{printable(name)}: {verdict}")
    if args.json:
        _json_answer("check", code, files=results)
    return code


def _cmd_template(args: Any, flow: Flow) -> int:
    text = _filled_template(args, flow) if (args.data or args.data_file) else render_template(flow)
    if args.schema:
        text = f"#:schema {_one_line(args.schema)}\n{text}"
    if args.output in (None, STDIN):
        sys.stdout.write(text)
        return OK
    path = Path(args.output)
    if path.is_dir():
        raise _fail(f"{printable(args.output)} er en mappe; skriv et filnavn, fx {printable(args.output)}/svar.toml.")
    if _is_regular_file(path) and not args.force and not _names_a_descriptor(path):
        raise _fail(f"filen {printable(args.output)} findes allerede. Brug --force, hvis den skal overskrives.")
    try:
        write_output(path, text, durable=True)
    except SaveError as error:
        raise _fail(error.message) from None
    _warn(f"Skabelonen er gemt i {args.output}. Udfyld den, og tjek den med: wizard check {args.output}")
    return OK


def _one_line(text: str) -> str:
    """A value for a comment line: a line break would end the comment and start TOML."""
    return " ".join(text.split())


def _filled_template(args: Any, flow: Flow) -> str:
    """The template with the answers from --data / --data-file, checked as ``wizard check`` would;
    _Stop(1) with every problem named by where its value came from when one is wrong."""
    try:
        prefill, unusable = collect(flow, args.data_file, args.data)
    except PrefillError as error:
        for message in error.messages:
            _warn(f"wizard: fejl: {message}")
        raise _Stop(FILE_ERRORS) from None
    for message in unusable:
        _warn(f"{message}")
    text, origins = render_filled_template(flow, prefill)
    _, problems = check_answers_text(text, flow, "skabelonen")
    for problem in problems:
        origin = origins.get(problem.line)
        where = printable(origin) if origin else f"skabelonen, linje {problem.line}"
        hint = f" — {problem.hint}" if problem.hint else ""
        _warn(f"{where}: {problem.severity}: {problem.message}{hint}")
    if unusable or has_errors(problems):
        _warn("wizard: fejl: skabelonen er ikke skrevet; ret de udfyldte svar, og prøv igen.")
        raise _Stop(FILE_ERRORS)
    return text


def _cmd_status(args: Any, flows: FlowChoice) -> int:
    answers, problems, flow = _check_one(args.file, flows)
    name = args.file
    if answers is None:
        if args.json:
            _json_answer("status", FILE_ERRORS, file=name, problems=[p.as_dict() for p in problems])
        else:
            for problem in problems:
                _warn(problem.render())
            _warn(f"{name}: {_count(problems)}; ret filen, og prøv igen (se 'wizard check {name}').")
        return FILE_ERRORS
    if args.json:
        report = status_dict(flow, answers, name)
        report["warnings"] = [problem.as_dict() for problem in problems]
        _json_answer("status", OK, **report)
    else:
        for problem in problems:
            _warn(problem.render())
        sys.stdout.write(status_text(flow, answers, name))
    return OK


def _cmd_export(args: Any, flows: FlowChoice) -> int:
    if args.wiki is not None:
        return _export_to_wiki(args, flows)
    if len(args.files) > 1 and not args.out_dir:
        raise _usage("flere svarfiler kræver --out-dir MAPPE (én note pr. fil).", "export")
    if args.out_dir and STDIN in args.files:
        raise _usage("standard-input ('-') kan ikke bruges med --out-dir; giv filen et navn.", "export")
    if args.since is not None and len(args.files) > 1:
        raise _usage("--since sammenligner med én tidligere udgave; giv én svarfil ad gangen.", "export")
    if args.since == STDIN and STDIN in args.files:
        raise _usage("kun én af filerne kan komme fra standard-input ('-').", "export")
    targets = _export_targets(args)
    if args.json and None in targets:
        raise _usage(
            "--json skriver resultatet på standard-output; giv noten et sted med -o NOTE.md eller --out-dir.", "export"
        )
    try:
        from outputs.note import NoteFacts, file_facts, render_markdown, write_markdown
    except ImportError:
        raise _fail("eksporten til Markdown findes ikke i denne udgave af programmet.") from None
    code = OK
    written = 0
    results: list[dict[str, Any]] = []  # for --json
    for argument, target in zip(args.files, targets, strict=True):
        answers, problems, flow = _check_one(argument, flows)
        result: dict[str, Any] = {"file": argument, "note": None, "problems": [p.as_dict() for p in problems]}
        results.append(result)
        for problem in problems:
            _warn(problem.render())
        if answers is None:
            _warn(f"{argument}: {_count(problems)}; noten er ikke lavet. Ret filen, og prøv igen.")
            code = max(code, FILE_ERRORS)
            continue
        # Who prepared it and when it last changed come from the answers file (not from standard input).
        facts = NoteFacts() if argument == STDIN else file_facts(Path(argument))
        since = None
        if args.since is not None:
            found = _changes_since(args.since, flow, answers)
            if found is None:
                _warn(f"{args.since}: den tidligere udgave har fejl; noten er ikke lavet.")
                code = max(code, FILE_ERRORS)
                continue
            since = found[0]
        if target is None:
            sys.stdout.write(render_markdown(flow, answers, facts, since))
            continue
        try:
            write_markdown(target, flow, answers, facts, since)
        except SaveError as error:
            _warn(f"wizard: fejl: {error.message}")
            code = CANNOT_RUN
            continue
        written += 1
        result["note"] = str(target)
        if not args.out_dir:
            _warn(f"Noten er gemt i {target}.")
    if args.out_dir:  # one line for a batch, not one per note
        _warn(f"{_notes(written)} gemt i {args.out_dir}.")
    if args.json:
        _json_answer("export", code, files=results)
    return code


def _export_to_wiki(args: Any, flows: FlowChoice) -> int:
    """``wizard export FIL... --wiki [MAPPE]``: the notes into the wiki's working copy, committed
    and pushed (outputs.note.wiki). Exit 1 when an answers file has errors (the others still go in),
    2 when git said no: the notes are then saved in the wiki folder or beside the answers files."""
    from outputs.note import WIKI_VARIABLE, WikiError, WikiNote, file_facts, publish, wiki_folder_from_environment

    if STDIN in args.files:
        raise _usage("standard-input ('-') kan ikke bruges med --wiki; noten skal have svarfilens navn.", "export")
    folder = Path(args.wiki).expanduser() if args.wiki else wiki_folder_from_environment()
    if folder is None:
        raise _usage(
            f"--wiki skal have wikiens mappe, eller miljøvariablen {WIKI_VARIABLE} skal pege på den.", "export"
        )
    stems = Counter(Path(argument).stem for argument in args.files)
    doubles = sorted(stem for stem, count in stems.items() if count > 1)
    if doubles:
        raise _usage(f"flere svarfiler ville give den samme note i wikien: {', '.join(doubles)}; omdøb dem.", "export")
    code = OK
    notes = []
    flow = flows.default()[0]
    for argument in dict.fromkeys(args.files):
        answers, problems, flow = _check_one(argument, flows)
        for problem in problems:
            _warn(problem.render())
        if answers is None:
            _warn(f"{argument}: {_count(problems)}; noten er ikke lavet. Ret filen, og prøv igen.")
            code = FILE_ERRORS
            continue
        notes.append(WikiNote(Path(argument), answers, file_facts(Path(argument))))
    if not notes:
        return code
    try:
        published = publish(folder, flow, notes)
    except WikiError as error:
        _warn(f"wizard: fejl: {error.message}")
        if error.in_wiki:
            _warn(f"Noten er gemt i {printable(str(folder))}.")
        else:
            _save_beside(flow, notes)
        return CANNOT_RUN
    _warn(published.summary())
    return code


def _save_beside(flow: Flow, notes: list[Any]) -> None:
    """When the wiki could not take the notes at all: each note beside its answers file (NAVN.md)."""
    from outputs.note import write_markdown

    for note in notes:
        target = note.answers_path.with_suffix(".md")
        if _identity(target) is not None and _identity(target) == _identity(note.answers_path):
            _warn(f"Noten er ikke gemt: {printable(str(target))} er svarfilen selv.")
            continue
        try:
            write_markdown(target, flow, note.answers, note.facts)
        except SaveError as error:
            _warn(f"Noten kunne heller ikke gemmes ved svarfilen: {error.message}")
            continue
        _warn(f"Noten er gemt i {printable(str(target))} i stedet.")


def _notes(count: int) -> str:
    return "1 note er" if count == 1 else f"{count} noter er"


def _export_targets(args: Any) -> list[Path | None]:
    """Where each export goes (None = standard output); refuses to overwrite an input."""
    if args.out_dir:
        folder = Path(args.out_dir)
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise _fail(f"mappen {printable(args.out_dir)} kunne ikke oprettes: {danish_reason(error)}.") from None
        targets: list[Path | None] = [folder / f"{Path(argument).stem}.md" for argument in args.files]
        counts = Counter(str(target) for target in targets)
        doubles = sorted(name for name, count in counts.items() if count > 1)
        if doubles:
            raise _usage(f"flere svarfiler ville give den samme note: {', '.join(doubles)}; omdøb dem.", "export")
    else:
        targets = [None if args.output in (None, STDIN) else Path(args.output)]
    inputs = {_identity(Path(argument)) for argument in args.files if argument != STDIN}
    for target in targets:
        if target is not None and _identity(target) in inputs - {None}:
            raise _usage(f"noten ville overskrive svarfilen {printable(str(target))}; vælg et andet navn.", "export")
    return targets


def _identity(path: Path) -> tuple[int, int] | None:
    """Which file a path names (device and inode), so a link to the input is seen as the input."""
    try:
        status = os.stat(path)
    except OSError:
        return None
    return status.st_dev, status.st_ino


def _is_regular_file(path: Path) -> bool:
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return False


def _names_a_descriptor(path: Path) -> bool:
    """/dev/stdout and the like: the shell has already decided what happens to the file (> or >>)."""
    return str(path) in ("/dev/stdout", "/dev/stderr") or str(path).startswith(("/dev/fd/", "/proc/self/fd/"))


def _working_folder_exists() -> bool:
    try:
        os.getcwd()
    except FileNotFoundError:
        return False
    return True


def _read_any(argument: str) -> tuple[bytes, str]:
    """As ``_read``, and a descriptor the shell opened (``<(git show REV:svar.toml)`` is /dev/fd/63):
    a pipe, read as standard input is."""
    if argument in ("/dev/stdin", "/proc/self/fd/0") or (argument != STDIN and _names_a_descriptor(Path(argument))):
        with open(argument, "rb") as stream:
            return stream.read(MAX_FILE_BYTES + 1), argument
    return _read(argument)


def _shown_name(argument: str) -> str | None:
    """A file's name for a page that should read the same every time: none for a pipe."""
    if argument == STDIN or _names_a_descriptor(Path(argument)) or argument.startswith("/dev/"):
        return None
    return argument


def _read_version(argument: str, flow: Flow) -> tuple[Answers, str, str] | None:
    """An earlier version of an answers file, for a comparison: its answers read under ``flow`` (migrated
    when it is older), its name and the flow version it was written with. None when it has errors, which
    are printed (_Stop(2) when it cannot be read at all)."""
    import tomllib

    try:
        data, name = _read_any(argument)
    except OSError as error:
        raise _fail(_read_error(argument, error)) from None
    answers, problems = check_answers_bytes(data, flow, name)
    if answers is None:
        for problem in problems:
            _warn(problem.render())
        _warn(f"{printable(name)}: {_count(problems)}; ret filen, og prøv igen (se 'wizard check').")
        return None
    # Its warnings are about the past (a question reworded since, an older version: the page says so).
    try:
        table = tomllib.loads(data.decode("utf-8-sig")).get("svarfil", {})
        version = str(table.get("forloeb-version", flow.version))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError, AttributeError):
        version = flow.version
    return answers, name, version


def _changes_since(argument: str, flow: Flow, new: Answers) -> tuple[Any, str] | None:
    """What changed from the answers file ``argument`` to ``new``, and a sentence about the old file."""
    from outputs.note import compare

    old = _read_version(argument, flow)
    if old is None:
        return None
    answers, _, version = old
    notice = ""
    if version != flow.version:
        notice = (
            f"Den tidligere udgave er lavet med version {version} af forløbet og er læst om til version "
            f"{flow.version}, som den nye bruger."
        )
    return compare(flow, answers, new), notice


def _cmd_diff(args: Any, flows: FlowChoice) -> int:
    """``wizard diff GAMMEL NY``: what changed since the last meeting, as Markdown (or JSON)."""
    from outputs.note import changes_dict, render_diff

    if args.old == STDIN and args.new == STDIN:
        raise _usage("kun én af filerne kan komme fra standard-input ('-').", "diff")
    try:
        data, new_name = _read_any(args.new)
    except OSError as error:
        raise _fail(_read_error(args.new, error)) from None
    flow = flows.for_file(data, new_name)
    new, problems = check_answers_bytes(data, flow, new_name)
    for problem in problems:
        _warn(problem.render())
    if new is None:
        _warn(f"{printable(new_name)}: {_count(problems)}; ret filen, og prøv igen (se 'wizard check').")
    found = _changes_since(args.old, flow, new) if new is not None else None
    if found is None:
        if args.json:
            _json_answer("diff", FILE_ERRORS, old=args.old, new=args.new)
        return FILE_ERRORS
    changes, notice = found
    text = render_diff(changes, _shown_name(args.old), _shown_name(args.new), notice)
    target = None if args.output in (None, STDIN) else Path(args.output)
    if target is not None:
        try:
            write_output(target, text)
        except SaveError as error:
            raise _fail(error.message) from None
        _warn(f"Ændringerne er gemt i {args.output}.")
    if args.json:
        payload = {"old": args.old, "new": args.new, "output": args.output if target else None, **changes_dict(changes)}
        _json_answer("diff", OK, **payload, markdown=None if target else text)
    elif target is None:
        sys.stdout.write(text)
    return OK


def _cmd_overview(args: Any, flows: FlowChoice) -> int:
    """``wizard oversigt``: one page for the wiki with a row per answers file."""
    from outputs.note import Preparation, file_facts, render_overview

    target = None if args.output in (None, STDIN) else Path(args.output)
    page_folder = (target.parent if target is not None else Path()).resolve()
    notes_folder = Path(args.notes_dir).resolve() if args.notes_dir else page_folder
    if args.json and target is None:
        raise _usage("--json skriver resultatet på standard-output; giv siden et sted med -o oversigt.md.", "oversigt")
    code = OK
    preparations = []
    page_flow: Flow | None = None
    results: list[dict[str, Any]] = []  # for --json
    for argument in dict.fromkeys(args.files):  # a file named twice is one row
        if argument == STDIN:
            raise _usage("oversigten læser ikke fra standard-input; giv svarfilerne ved navn.", "oversigt")
        answers, problems, flow = _check_one(argument, flows)
        page_flow = page_flow or flow  # the page is written in the words of the first file's flow
        results.append({"file": argument, "listed": answers is not None, "problems": [p.as_dict() for p in problems]})
        for problem in problems:
            _warn(problem.render())
        if answers is None:
            _warn(f"{argument}: {_count(problems)}; filen er ikke med i oversigten. Ret den, og prøv igen.")
            code = max(code, FILE_ERRORS)
            continue
        note = notes_folder / f"{Path(argument).stem}.md"
        link = os.path.relpath(note, page_folder).replace(os.sep, "/") if note.is_file() else None
        preparations.append(Preparation(argument, link, answers, file_facts(Path(argument)).changed))
    text = render_overview(page_flow or flows.default()[0], preparations)
    if target is None:
        sys.stdout.write(text)
        return code
    try:
        write_output(target, text)
    except SaveError as error:
        raise _fail(error.message) from None
    _warn(f"Oversigten over {len(preparations)} forberedelser er gemt i {args.output}.")
    if args.json:
        _json_answer("oversigt", code, output=args.output, files=results)
    return code


def _cmd_schema(args: Any, flow: Flow) -> int:
    """``wizard schema``: the answers file's JSON Schema, for editors."""
    from outputs.answers import render_schema

    text = render_schema(flow)
    if args.output in (None, STDIN):
        sys.stdout.write(text)
        return OK
    try:
        write_output(Path(args.output), text)
    except SaveError as error:
        raise _fail(error.message) from None
    _warn(f"Skemaet er gemt i {args.output}.")
    return OK


def _cmd_completion(args: Any) -> int:
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


def _cmd_man() -> int:
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


def _cmd_help(args: Any) -> int:
    """``wizard help format|flow``: print a format document that ships with the program."""
    if args.topic is None:
        _say("Vejledninger: wizard help format (svarfilen), wizard help flow (forløbsfilen).")
        return OK
    from importlib.resources import files

    try:
        text = files("kerneopgave_docs").joinpath(HELP_TOPICS[args.topic]).read_text(encoding="utf-8")
    except (ModuleNotFoundError, OSError):
        raise _fail("vejledningen findes ikke i denne installation; installér programmet igen.") from None
    sys.stdout.write(text)
    return OK


def _cmd_version(args: Any) -> int:
    """``wizard --version``: the program's version and the flow's (the standard one, or --flow's)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        program = version("kerneopgave-wizard")
    except PackageNotFoundError:  # run from a source tree that was never installed
        program = "ukendt (ikke installeret)"
    flow, flow_name = _flows(args.top_flow).default()
    where = f"fra {printable(flow_name)}" if flow_name else "indbygget"
    _say(f"wizard {program}")
    _say(printable(f"forløb: {flow.id} version {flow.version} ({where})"))
    return OK


def _cmd_flows(args: Any, flow: Flow, flow_name: str | None) -> int:
    if args.catalogue:
        try:
            from outputs.note import render_catalogue
        except ImportError:
            raise _fail("spørgsmålskataloget findes ikke i denne udgave af programmet.") from None
        sys.stdout.write(render_catalogue(flow))
        return OK
    builtin = default_flow()
    rows = [(builtin, "indbygget", flow_name is None)]
    choice = _flows(None)
    for name, path in flows_in_folders():  # the organisation's flows folders (docs/answers-format.md)
        try:
            found, _ = choice.load(str(path))
        except FlowUnusable as error:
            _warn(f"wizard: {printable(str(path))} kan ikke bruges: {error.message}")
            continue
        rows.append((found, f"--flow {name}: {path}", found is flow))
    if flow_name is not None and not any(in_use for item, _, in_use in rows if item is flow):
        rows.append((flow, flow_name, True))
    if args.json:
        flows = [
            {"id": f.id, "version": f.version, "title": f.title, "source": source, "in_use": in_use}
            for f, source, in_use in rows
        ]
        _json_answer("flows", OK, flows=flows)
        return OK
    _say("Forløb:")
    for item, source, in_use in rows:
        mark = ", i brug" if in_use else ""
        _say(printable(f"  {item.id}  version {item.version}  {item.title}  ({source}{mark})"))
    return OK


def _run_app(argv: list[str]) -> int:
    args = build_app_parser().parse_args(argv)
    if args.file == STDIN:
        raise _usage("guiden kan ikke læse svar fra standard-input; giv svarfilen et navn.")
    flows = _flows(args.flow)
    flow, flow_name = flows.for_path(Path(args.file)) if args.file else flows.default()
    if not _is_terminal():
        what = "Guiden linje for linje" if _wants_plain(args.plain) else "Guidens skærmbilleder"
        _warn(f"{what} kræver en terminal, men standard-input eller -output er ikke en terminal.")
        _warn(HEADLESS)
        return CANNOT_RUN
    if _wants_plain(args.plain):
        from wizard.plain import run_plain

        resume_collector()  # paused for the screens' start; the plain mode has no screens
        return run_plain(Path(args.file) if args.file else None, flow)
    try:
        from wizard.app import run_app
    except ModuleNotFoundError as error:
        if error.name not in ("wizard.app",):
            raise
        raise _fail("skærmbillederne findes ikke i denne udgave af programmet.\n" + HEADLESS) from None
    return run_app(Path(args.file) if args.file else None, flow, flow_name)


def _wants_plain(asked: bool) -> bool:
    """--plain, ACCESSIBLE (set by screen-reader users, as for other terminal programs) or a dumb terminal."""
    accessible = os.environ.get("ACCESSIBLE", "").strip()
    return asked or accessible not in ("", "0") or os.environ.get("TERM") == "dumb"


def _refuse_typo(word: str) -> None:
    """``wizard chek svar.toml`` should not open the screens with a new file named 'chek'."""
    if "." in word or "/" in word:
        return
    guess = nearest(word, COMMANDS)
    if guess:
        raise _usage(f"ukendt kommando '{printable(word)}'; mente du '{guess}'?")


def _is_terminal() -> bool:
    return sys.stdin.isatty() and sys.stdout.isatty()


def _usage(message: str, command: str = "") -> UsageError:
    return UsageError(message, "", command)


# -- entry point ----------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit code (see the module docstring)."""
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        return _dispatch(argv)
    except _Stop as stop:
        return stop.code
    except FlowUnusable as error:
        for detail in error.details:
            _warn(detail)
        _warn(f"wizard: fejl: {error.message}")
        return CANNOT_RUN
    except UsageError as error:
        if error.usage:
            _warn(error.usage)
        _warn(f"wizard: fejl: {error.message}")
        _warn(f"Se 'wizard {error.command + ' ' if error.command else ''}--help'.")
        return CANNOT_RUN
    except KeyboardInterrupt:
        _warn("\nAfbrudt.")
        return INTERRUPTED
    except BrokenPipeError:
        _silence_stdout()
        return BROKEN_PIPE


def _silence_stdout() -> None:
    """The reader went away (e.g. "| head"): point stdout at /dev/null so Python's final
    flush at exit does not print a second error."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def _dispatch(argv: list[str]) -> int:
    try:
        word = _first_word(argv)
        options = argv[: argv.index("--") if "--" in argv else None]
        if word is None and "--version" in options:
            resume_collector()
            return _cmd_version(build_parser().parse_args(argv))
        if word not in COMMANDS:
            if word is not None and not Path(word).exists():
                _refuse_typo(word)
            if any(token in ("-h", "--help") for token in options):
                build_parser().parse_args(["--help"])
            return _run_app(argv)
        resume_collector()  # paused for the screens' start (wizard.startup); a headless command needs no pause
        args = build_parser().parse_args(argv)
    except SystemExit as exit_:  # --help
        return int(exit_.code or 0)
    flows = _flows(args.flow or args.top_flow)
    if flows.explicit is not None:
        flows.default()  # a broken --flow is said first, before any answers file is read
    if args.command == "check":
        return _cmd_check(args, flows)
    if args.command == "status":
        return _cmd_status(args, flows)
    if args.command == "export":
        return _cmd_export(args, flows)
    if args.command == "oversigt":
        return _cmd_overview(args, flows)
    if args.command == "diff":
        return _cmd_diff(args, flows)
    flow, flow_name = flows.default()
    if args.command == "template":
        return _cmd_template(args, flow)
    if args.command == "help":
        return _cmd_help(args)
    if args.command == "schema":
        return _cmd_schema(args, flow)
    if args.command == "completion":
        return _cmd_completion(args)
    if args.command == "man":
        return _cmd_man()
    return _cmd_flows(args, flow, flow_name)
