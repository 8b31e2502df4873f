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

Here: the dispatch, ``check``, ``template``, ``status`` and the hand-over to the screens. The other
commands: ``wizard.cli_notes`` (export, diff, oversigt), ``wizard.cli_reference`` (help, man,
completion, --version, flows, schema); what they share, ``wizard.cli_common``; the parser,
``wizard.cli_parser``; which flow a file uses, ``wizard.cli_flows``.

The headless commands and the plain mode never import Textual: the screens (``wizard.app``) and the
Markdown export (``outputs.note.markdown``, ``outputs.note.catalogue``) are imported inside
the commands that need them.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from flows import Flow
from flows.ids import nearest
from outputs.answers import (
    PrefillError,
    check_answers_bytes,
    check_answers_text,
    collect,
    render_filled_template,
    render_template,
)
from outputs.reporting import (
    counts,
    has_errors,
    printable,
)
from outputs.storage import SaveError, write_output
from wizard.cli_common import (
    BROKEN_PIPE,
    CANNOT_RUN,
    FILE_ERRORS,
    INTERRUPTED,
    OK,
    STDIN,
    Stop,
    check_one,
    count_problems,
    fail,
    flows_for,
    is_regular_file,
    json_answer,
    names_a_descriptor,
    read_error,
    read_input,
    say,
    usage_error,
    warn,
)
from wizard.cli_flows import FlowChoice, FlowUnusable, MissingFlow
from wizard.cli_notes import cmd_diff, cmd_export, cmd_overview
from wizard.cli_parser import COMMANDS, HEADLESS, UsageError, build_app_parser, build_parser
from wizard.cli_reference import cmd_completion, cmd_flows, cmd_help, cmd_man, cmd_schema, cmd_version
from wizard.cli_status import status_dict, status_text
from wizard.collector import resume_collector

# -- output -------------------------------------------------------------------------------


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


# -- commands -------------------------------------------------------------------------------


def _cmd_check(args: Any, flows: FlowChoice) -> int:
    code = OK
    results: list[dict[str, Any]] = []
    for argument in args.files:
        try:
            data, name = read_input(argument)
        except OSError as error:
            message = read_error(argument, error)
            results.append({"file": argument, "ok": False, "could_not_read": message})
            if not args.json:
                warn(f"wizard: fejl: {message}")
            code = CANNOT_RUN
            continue
        try:
            flow = flows.for_file(data, name)
        except MissingFlow as missing:
            results.append({"file": argument, "ok": False, "could_not_read": missing.message})
            if not args.json:
                warn(f"wizard: fejl: {missing.message}")
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
                say(problem.render())
            verdict = (
                f"{count_problems(problems)}"
                if errors
                else "i orden" + (f" ({count_problems(problems)})" if problems else "")
            )
            say(f"{printable(name)}: {verdict}")
    if args.json:
        json_answer("check", code, files=results)
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
        raise fail(f"{printable(args.output)} er en mappe; skriv et filnavn, fx {printable(args.output)}/svar.toml.")
    if is_regular_file(path) and not args.force and not names_a_descriptor(path):
        raise fail(f"filen {printable(args.output)} findes allerede. Brug --force, hvis den skal overskrives.")
    try:
        write_output(path, text, durable=True)
    except SaveError as error:
        raise fail(error.message) from None
    warn(f"Skabelonen er gemt i {args.output}. Udfyld den, og tjek den med: wizard check {args.output}")
    return OK


def _one_line(text: str) -> str:
    """A value for a comment line: a line break would end the comment and start TOML."""
    return " ".join(text.split())


def _filled_template(args: Any, flow: Flow) -> str:
    """The template with the answers from --data / --data-file, checked as ``wizard check`` would;
    Stop(1) with every problem named by where its value came from when one is wrong."""
    try:
        prefill, unusable = collect(flow, args.data_file, args.data)
    except PrefillError as error:
        for message in error.messages:
            warn(f"wizard: fejl: {message}")
        raise Stop(FILE_ERRORS) from None
    for message in unusable:
        warn(f"{message}")
    text, origins = render_filled_template(flow, prefill)
    _, problems = check_answers_text(text, flow, "skabelonen")
    for problem in problems:
        origin = origins.get(problem.line)
        where = printable(origin) if origin else f"skabelonen, linje {problem.line}"
        hint = f" — {problem.hint}" if problem.hint else ""
        warn(f"{where}: {problem.severity}: {problem.message}{hint}")
    if unusable or has_errors(problems):
        warn("wizard: fejl: skabelonen er ikke skrevet; ret de udfyldte svar, og prøv igen.")
        raise Stop(FILE_ERRORS)
    return text


def _cmd_status(args: Any, flows: FlowChoice) -> int:
    answers, problems, flow = check_one(args.file, flows)
    name = args.file
    if answers is None:
        if args.json:
            json_answer("status", FILE_ERRORS, file=name, problems=[p.as_dict() for p in problems])
        else:
            for problem in problems:
                warn(problem.render())
            warn(f"{name}: {count_problems(problems)}; ret filen, og prøv igen (se 'wizard check {name}').")
        return FILE_ERRORS
    if args.json:
        report = status_dict(flow, answers, name)
        report["warnings"] = [problem.as_dict() for problem in problems]
        json_answer("status", OK, **report)
    else:
        for problem in problems:
            warn(problem.render())
        sys.stdout.write(status_text(flow, answers, name))
    return OK


def _run_app(argv: list[str]) -> int:
    args = build_app_parser().parse_args(argv)
    if args.file == STDIN:
        raise usage_error("guiden kan ikke læse svar fra standard-input; giv svarfilen et navn.")
    flows = flows_for(args.flow)
    flow, flow_name = flows.for_path(Path(args.file)) if args.file else flows.default()
    if not _is_terminal():
        what = "Guiden linje for linje" if _wants_plain(args.plain) else "Guidens skærmbilleder"
        warn(f"{what} kræver en terminal, men standard-input eller -output er ikke en terminal.")
        warn(HEADLESS)
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
        raise fail("skærmbillederne findes ikke i denne udgave af programmet.\n" + HEADLESS) from None
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
        raise usage_error(f"ukendt kommando '{printable(word)}'; mente du '{guess}'?")


def _is_terminal() -> bool:
    return sys.stdin.isatty() and sys.stdout.isatty()


# -- entry point ----------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit code (see the module docstring)."""
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        return _dispatch(argv)
    except Stop as stop:
        return stop.code
    except FlowUnusable as error:
        for detail in error.details:
            warn(detail)
        warn(f"wizard: fejl: {error.message}")
        return CANNOT_RUN
    except UsageError as error:
        if error.usage:
            warn(error.usage)
        warn(f"wizard: fejl: {error.message}")
        warn(f"Se 'wizard {error.command + ' ' if error.command else ''}--help'.")
        return CANNOT_RUN
    except KeyboardInterrupt:
        warn("\nAfbrudt.")
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
            return cmd_version(build_parser().parse_args(argv))
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
    flows = flows_for(args.flow or args.top_flow)
    if flows.explicit is not None:
        flows.default()  # a broken --flow is said first, before any answers file is read
    if args.command == "check":
        return _cmd_check(args, flows)
    if args.command == "status":
        return _cmd_status(args, flows)
    if args.command == "export":
        return cmd_export(args, flows)
    if args.command == "oversigt":
        return cmd_overview(args, flows)
    if args.command == "diff":
        return cmd_diff(args, flows)
    flow, flow_name = flows.default()
    if args.command == "template":
        return _cmd_template(args, flow)
    if args.command == "help":
        return cmd_help(args)
    if args.command == "schema":
        return cmd_schema(args, flow)
    if args.command == "completion":
        return cmd_completion(args)
    if args.command == "man":
        return cmd_man()
    return cmd_flows(args, flow, flow_name)
