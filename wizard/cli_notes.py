"""The commands that write the note and the pages around it: ``export`` (also into the wiki),
``diff`` and ``oversigt``. The Markdown renderer is imported inside them, when a note is written."""

from __future__ import annotations

import os
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from flows import Answers, Flow
from outputs.answers import (
    check_answers_bytes,
)
from outputs.reporting import (
    danish_reason,
    printable,
)
from outputs.storage import SaveError, write_output
from outputs.toml import MAX_FILE_BYTES
from wizard.cli_common import (
    CANNOT_RUN,
    FILE_ERRORS,
    OK,
    STDIN,
    check_one,
    count_problems,
    fail,
    json_answer,
    names_a_descriptor,
    read_error,
    read_input,
    usage_error,
    warn,
)
from wizard.cli_flows import FlowChoice


def cmd_export(args: Any, flows: FlowChoice) -> int:
    if args.wiki is not None:
        return _export_to_wiki(args, flows)
    if len(args.files) > 1 and not args.out_dir:
        raise usage_error("flere svarfiler kræver --out-dir MAPPE (én note pr. fil).", "export")
    if args.out_dir and STDIN in args.files:
        raise usage_error("standard-input ('-') kan ikke bruges med --out-dir; giv filen et navn.", "export")
    if args.since is not None and len(args.files) > 1:
        raise usage_error("--since sammenligner med én tidligere udgave; giv én svarfil ad gangen.", "export")
    if args.since == STDIN and STDIN in args.files:
        raise usage_error("kun én af filerne kan komme fra standard-input ('-').", "export")
    targets = _export_targets(args)
    if args.json and None in targets:
        raise usage_error(
            "--json skriver resultatet på standard-output; giv noten et sted med -o NOTE.md eller --out-dir.", "export"
        )
    try:
        from outputs.note import NoteFacts, file_facts, render_markdown, write_markdown
    except ImportError:
        raise fail("eksporten til Markdown findes ikke i denne udgave af programmet.") from None
    code = OK
    written = 0
    results: list[dict[str, Any]] = []  # for --json
    for argument, target in zip(args.files, targets, strict=True):
        answers, problems, flow = check_one(argument, flows)
        result: dict[str, Any] = {"file": argument, "note": None, "problems": [p.as_dict() for p in problems]}
        results.append(result)
        for problem in problems:
            warn(problem.render())
        if answers is None:
            warn(f"{argument}: {count_problems(problems)}; noten er ikke lavet. Ret filen, og prøv igen.")
            code = max(code, FILE_ERRORS)
            continue
        # Who prepared it and when it last changed come from the answers file (not from standard input).
        facts = NoteFacts() if argument == STDIN else file_facts(Path(argument))
        since = None
        if args.since is not None:
            found = _changes_since(args.since, flow, answers)
            if found is None:
                warn(f"{args.since}: den tidligere udgave har fejl; noten er ikke lavet.")
                code = max(code, FILE_ERRORS)
                continue
            since = found[0]
        if target is None:
            sys.stdout.write(render_markdown(flow, answers, facts, since))
            continue
        try:
            write_markdown(target, flow, answers, facts, since)
        except SaveError as error:
            warn(f"wizard: fejl: {error.message}")
            code = CANNOT_RUN
            continue
        written += 1
        result["note"] = str(target)
        if not args.out_dir:
            warn(f"Noten er gemt i {target}.")
    if args.out_dir:  # one line for a batch, not one per note
        warn(f"{_notes(written)} gemt i {args.out_dir}.")
    if args.json:
        json_answer("export", code, files=results)
    return code


def _export_to_wiki(args: Any, flows: FlowChoice) -> int:
    """``wizard export FIL... --wiki [MAPPE]``: the notes into the wiki's working copy, committed
    and pushed (outputs.note.wiki). Exit 1 when an answers file has errors (the others still go in),
    2 when git said no: the notes are then saved in the wiki folder or beside the answers files."""
    from outputs.note import WIKI_VARIABLE, WikiError, WikiNote, file_facts, publish, wiki_folder_from_environment

    if STDIN in args.files:
        raise usage_error("standard-input ('-') kan ikke bruges med --wiki; noten skal have svarfilens navn.", "export")
    folder = Path(args.wiki).expanduser() if args.wiki else wiki_folder_from_environment()
    if folder is None:
        raise usage_error(
            f"--wiki skal have wikiens mappe, eller miljøvariablen {WIKI_VARIABLE} skal pege på den.", "export"
        )
    stems = Counter(Path(argument).stem for argument in args.files)
    doubles = sorted(stem for stem, count in stems.items() if count > 1)
    if doubles:
        raise usage_error(
            f"flere svarfiler ville give den samme note i wikien: {', '.join(doubles)}; omdøb dem.", "export"
        )
    code = OK
    notes = []
    flow = flows.default()[0]
    for argument in dict.fromkeys(args.files):
        answers, problems, flow = check_one(argument, flows)
        for problem in problems:
            warn(problem.render())
        if answers is None:
            warn(f"{argument}: {count_problems(problems)}; noten er ikke lavet. Ret filen, og prøv igen.")
            code = FILE_ERRORS
            continue
        notes.append(WikiNote(Path(argument), answers, file_facts(Path(argument))))
    if not notes:
        return code
    try:
        published = publish(folder, flow, notes)
    except WikiError as error:
        warn(f"wizard: fejl: {error.message}")
        if error.in_wiki:
            warn(f"Noten er gemt i {printable(str(folder))}.")
        else:
            _save_beside(flow, notes)
        return CANNOT_RUN
    warn(published.summary())
    return code


def _save_beside(flow: Flow, notes: list[Any]) -> None:
    """When the wiki could not take the notes at all: each note beside its answers file (NAVN.md)."""
    from outputs.note import write_markdown

    for note in notes:
        target = note.answers_path.with_suffix(".md")
        if _identity(target) is not None and _identity(target) == _identity(note.answers_path):
            warn(f"Noten er ikke gemt: {printable(str(target))} er svarfilen selv.")
            continue
        try:
            write_markdown(target, flow, note.answers, note.facts)
        except SaveError as error:
            warn(f"Noten kunne heller ikke gemmes ved svarfilen: {error.message}")
            continue
        warn(f"Noten er gemt i {printable(str(target))} i stedet.")


def _notes(count: int) -> str:
    return "1 note er" if count == 1 else f"{count} noter er"


def _export_targets(args: Any) -> list[Path | None]:
    """Where each export goes (None = standard output); refuses to overwrite an input."""
    if args.out_dir:
        folder = Path(args.out_dir)
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise fail(f"mappen {printable(args.out_dir)} kunne ikke oprettes: {danish_reason(error)}.") from None
        targets: list[Path | None] = [folder / f"{Path(argument).stem}.md" for argument in args.files]
        counts = Counter(str(target) for target in targets)
        doubles = sorted(name for name, count in counts.items() if count > 1)
        if doubles:
            raise usage_error(f"flere svarfiler ville give den samme note: {', '.join(doubles)}; omdøb dem.", "export")
    else:
        targets = [None if args.output in (None, STDIN) else Path(args.output)]
    inputs = {_identity(Path(argument)) for argument in args.files if argument != STDIN}
    for target in targets:
        if target is not None and _identity(target) in inputs - {None}:
            raise usage_error(
                f"noten ville overskrive svarfilen {printable(str(target))}; vælg et andet navn.", "export"
            )
    return targets


def _identity(path: Path) -> tuple[int, int] | None:
    """Which file a path names (device and inode), so a link to the input is seen as the input."""
    try:
        status = os.stat(path)
    except OSError:
        return None
    return status.st_dev, status.st_ino


def _read_any(argument: str) -> tuple[bytes, str]:
    """As ``read_input``, and a descriptor the shell opened (``<(git show REV:svar.toml)`` is /dev/fd/63):
    a pipe, read as standard input is."""
    if argument in ("/dev/stdin", "/proc/self/fd/0") or (argument != STDIN and names_a_descriptor(Path(argument))):
        with open(argument, "rb") as stream:
            return stream.read(MAX_FILE_BYTES + 1), argument
    return read_input(argument)


def _shown_name(argument: str) -> str | None:
    """A file's name for a page that should read the same every time: none for a pipe."""
    if argument == STDIN or names_a_descriptor(Path(argument)) or argument.startswith("/dev/"):
        return None
    return argument


def _read_version(argument: str, flow: Flow) -> tuple[Answers, str, str] | None:
    """An earlier version of an answers file, for a comparison: its answers read under ``flow`` (migrated
    when it is older), its name and the flow version it was written with. None when it has errors, which
    are printed (Stop(2) when it cannot be read at all)."""
    import tomllib

    try:
        data, name = _read_any(argument)
    except OSError as error:
        raise fail(read_error(argument, error)) from None
    answers, problems = check_answers_bytes(data, flow, name)
    if answers is None:
        for problem in problems:
            warn(problem.render())
        warn(f"{printable(name)}: {count_problems(problems)}; ret filen, og prøv igen (se 'wizard check').")
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


def cmd_diff(args: Any, flows: FlowChoice) -> int:
    """``wizard diff GAMMEL NY``: what changed since the last meeting, as Markdown (or JSON)."""
    from outputs.note import changes_dict, render_diff

    if args.old == STDIN and args.new == STDIN:
        raise usage_error("kun én af filerne kan komme fra standard-input ('-').", "diff")
    try:
        data, new_name = _read_any(args.new)
    except OSError as error:
        raise fail(read_error(args.new, error)) from None
    flow = flows.for_file(data, new_name)
    new, problems = check_answers_bytes(data, flow, new_name)
    for problem in problems:
        warn(problem.render())
    if new is None:
        warn(f"{printable(new_name)}: {count_problems(problems)}; ret filen, og prøv igen (se 'wizard check').")
    found = _changes_since(args.old, flow, new) if new is not None else None
    if found is None:
        if args.json:
            json_answer("diff", FILE_ERRORS, old=args.old, new=args.new)
        return FILE_ERRORS
    changes, notice = found
    text = render_diff(changes, _shown_name(args.old), _shown_name(args.new), notice)
    target = None if args.output in (None, STDIN) else Path(args.output)
    if target is not None:
        try:
            write_output(target, text)
        except SaveError as error:
            raise fail(error.message) from None
        warn(f"Ændringerne er gemt i {args.output}.")
    if args.json:
        payload = {"old": args.old, "new": args.new, "output": args.output if target else None, **changes_dict(changes)}
        json_answer("diff", OK, **payload, markdown=None if target else text)
    elif target is None:
        sys.stdout.write(text)
    return OK


def cmd_overview(args: Any, flows: FlowChoice) -> int:
    """``wizard oversigt``: one page for the wiki with a row per answers file."""
    from outputs.note import Preparation, file_facts, render_overview

    target = None if args.output in (None, STDIN) else Path(args.output)
    page_folder = (target.parent if target is not None else Path()).resolve()
    notes_folder = Path(args.notes_dir).resolve() if args.notes_dir else page_folder
    if args.json and target is None:
        raise usage_error(
            "--json skriver resultatet på standard-output; giv siden et sted med -o oversigt.md.", "oversigt"
        )
    code = OK
    preparations = []
    page_flow: Flow | None = None
    results: list[dict[str, Any]] = []  # for --json
    for argument in dict.fromkeys(args.files):  # a file named twice is one row
        if argument == STDIN:
            raise usage_error("oversigten læser ikke fra standard-input; giv svarfilerne ved navn.", "oversigt")
        answers, problems, flow = check_one(argument, flows)
        page_flow = page_flow or flow  # the page is written in the words of the first file's flow
        results.append({"file": argument, "listed": answers is not None, "problems": [p.as_dict() for p in problems]})
        for problem in problems:
            warn(problem.render())
        if answers is None:
            warn(f"{argument}: {count_problems(problems)}; filen er ikke med i oversigten. Ret den, og prøv igen.")
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
        raise fail(error.message) from None
    warn(f"Oversigten over {len(preparations)} forberedelser er gemt i {args.output}.")
    if args.json:
        json_answer("oversigt", code, output=args.output, files=results)
    return code
