"""Every measurement of issues 7 and 20 in one run, each figure beside its baseline from the same run.

    .venv/bin/python -m bench [--rounds 7] [--keys 10] [--idle 5] [--files 1000] [--sessions 20]

Prints the table (figure, baseline, ratio, budget, OK/OVER) and a few figures for
orientation; the exit code is 0 when every budget holds, 1 when one is exceeded and 2
when the benchmark could not run (e.g. tmux is missing). Takes about five minutes.

Every program is started as a child process and every tmux server has its own socket;
all are ended before this returns, also on an error or Ctrl-C.
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import shutil
import signal
import statistics
import sys
import tempfile
import textwrap
from pathlib import Path

from bench import crowd, engine_growth, export_batch, headless, screens, wire
from bench.budget import Check, Figure, all_within, table

MB = 1024  # kB per MB, as /proc and ru_maxrss count
IDLE_LIMIT = 1.0  # percent of one core: "near zero" for a session that waits for a key


def machine() -> str:
    cores = len(os.sched_getaffinity(0))
    model = "ukendt CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    system = f"{platform.system()} {platform.release()}"
    return f"{cores} kerner (nproc), {model}, Python {platform.python_version()}, {system}"


def progress(text: str) -> None:
    print(f"… {text}", file=sys.stderr, flush=True)


def _stop_on_sigterm(signum: int, frame: object) -> None:
    raise SystemExit(128 + signum)  # so every ``finally`` ends its processes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7, help="runder i terminalen (medianen tæller)")
    parser.add_argument("--keys", type=int, default=10, help="tastetryk pr. runde og måling")
    parser.add_argument("--idle", type=float, default=5.0, help="sekunder en ventende session måles i tomgang")
    parser.add_argument("--files", type=int, default=1000, help="svarfiler i den store eksport")
    parser.add_argument("--headless-rounds", type=int, default=15, help="gentagelser af eksporten")
    parser.add_argument("--sessions", type=int, default=20, help="sessioner i tmux på én gang")
    args = parser.parse_args(argv)
    if not shutil.which("tmux"):
        print("bench: tmux mangler; installér det (sh tests/setup-tools.sh) og prøv igen.", file=sys.stderr)
        return 2
    if not Path(screens.WIZARD).exists():
        print(f"bench: {screens.WIZARD} mangler; kør ./start én gang, og brug .venv/bin/python.", file=sys.stderr)
        return 2
    signal.signal(signal.SIGTERM, _stop_on_sigterm)
    # Children write and use bytecode caches, as after a normal installation.
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    try:
        return _measure_and_report(args)
    except KeyboardInterrupt:
        print("\nbench: afbrudt; alle startede programmer er stoppet.", file=sys.stderr)
        return 130
    except (RuntimeError, OSError) as error:  # TmuxError is a RuntimeError
        print(f"bench: målingen kunne ikke gennemføres: {error}", file=sys.stderr)
        return 2


def _measure_and_report(args: argparse.Namespace) -> int:
    started = datetime.datetime.now()
    with tempfile.TemporaryDirectory(prefix="bench-screens-") as workdir:
        samples = screens.measure(Path(workdir), args.rounds, args.keys, args.idle, progress)
    progress("bytes på linjen (pseudoterminal 80×24)")
    with tempfile.TemporaryDirectory(prefix="bench-wire-") as workdir:
        wire_counts = wire.measure(Path(workdir), 2)
    progress(f"{args.sessions} sessioner på én gang")
    with tempfile.TemporaryDirectory(prefix="bench-crowd-") as workdir:
        busy = crowd.measure(Path(workdir), args.sessions, args.keys, args.idle)
    progress("uden skærm: eksport og Textual")
    export = headless.export_against_pydantic(args.headless_rounds)
    loaded = headless.textual_loaded_by_headless_commands()
    peaks = {
        "python": headless.peak_megabytes("pass"),
        "pydantic": headless.peak_megabytes("from pydantic import BaseModel"),
        "flow": headless.peak_megabytes("import flows; flows.default_flow()"),
    }
    progress(f"{args.files} eksporter i én proces")
    export_per_file, floor_per_file = export_batch.measure(args.files, 3)
    progress("motoren: 100 og 1.000 spørgsmål")
    small, large = engine_growth.seconds_per_evaluation(100), engine_growth.seconds_per_evaluation(1000)

    ms = screens.median_ms
    culprits = sorted(name for name, modules in loaded.items() if modules)
    first_minimal, key_minimal = ms(samples.first_minimal), ms(samples.options_minimal)
    bytes_ = wire_counts
    rows: list[Figure | Check] = [
        Figure("første skærm: wizard FIL", ms(samples.first_question), "ms", 1.15, first_minimal),
        Figure("første skærm: wizard (startskærm)", ms(samples.first_start), "ms", 1.15, first_minimal),
        Figure("første skærm: færdig forberedelse", ms(samples.first_finished), "ms", 1.15, first_minimal),
        Figure("pil ned/op mellem svarmuligheder", ms(samples.options_wizard), "ms", 1.2, key_minimal),
        Figure("Enter: næste spørgsmål vist og gemt", ms(samples.next_question), "ms", 3, key_minimal),
        *(Figure(name, ms(times), "ms", 3, key_minimal) for name, times in samples.changes.items()),
        Figure("bytes: første skærm", bytes_.wizard_first, "B", 1.2, bytes_.minimal_first),
        Figure("bytes: pil ned", bytes_.wizard_move, "B", 1.2, bytes_.minimal_move),
        Figure("bytes: Enter til næste spørgsmål", bytes_.wizard_next, "B", 6000),
        Figure("bytes: sammenfatning, rigeste eks. (^N)", bytes_.summary_key, "B", 12000),
        Figure("bytes: sammenfatning, rigeste eks. (åbnet)", bytes_.summary_open, "B", 12000),
        Figure(f"{args.sessions} sessioner: tast til skærm (p95)", busy.p95_many * 1000, "ms", 2, busy.p95_one * 1000),
        Figure(f"{args.sessions} sessioner: CPU i tomgang i alt", busy.idle_percent, "%", IDLE_LIMIT * args.sessions),
        Figure("wizard export (hele processen)", export["export"] * 1000, "ms", 1.6, export["pydantic"] * 1000),
        Check(
            "uden skærm: ingen Textual-moduler",
            not culprits,
            f"ingen i {len(loaded)} kommandoer" if not culprits else "indlæst af: " + ", ".join(culprits),
        ),
        Figure(
            f"{args.files} eksporter: pr. fil mod gulvet",
            export_per_file * 1000,
            "ms",
            export_batch.BUDGET,
            floor_per_file * 1000,
        ),
        Figure(
            "hukommelse: højeste RSS (VmHWM)",
            statistics.median(samples.peak_wizard) / MB,
            "MB",
            1.3,
            statistics.median(samples.peak_minimal) / MB,
        ),
        Figure(f"CPU i tomgang over {args.idle:g} s (% af én kerne)", samples.idle_wizard or 0.0, "%", IDLE_LIMIT),
        Figure("motor: 1.000 spørgsmål", large * 1000, "ms", engine_growth.BUDGET, small * 1000),
    ]

    print(f"Kerneopgave-guiden, hastighed og hukommelse ({started:%Y-%m-%d %H:%M})")
    print(f"Maskine: {machine()}")
    print()
    print(table(rows))
    print()
    print("Basislinjer, målt i samme kørsel:")
    print("  første skærm, taster, hukommelse: bench/minimal_app.py (Header, Label, RadioSet, Footer), startet på")
    print("    samme måde i samme tmux-rude (80×24, TERM=xterm-256color); tasterne mod dens pil ned/op")
    print('  eksport: python -c "from pydantic import BaseModel" (hele processen)')
    print("  skærmskift: den minimale apps pil ned/op; færdig forberedelse: det rigeste eksempel (flest svar)")
    print("  bytes: samme programmer i en pseudoterminal (80×24, xterm-256color), største tal af 2 runder")
    print(f"  {args.sessions} sessioner: samme tastetryk i én session alene; tomgang: grænse 1 % pr. session")
    print("  1.000 eksporter: tomllib læser samme filer og skriver samme antal bytes (gulvet), pr. fil ud over")
    print("    opstarten; motor: samme motor på 100 spørgsmål")
    print(f'  CPU i tomgang: grænse {IDLE_LIMIT:g} % af én kerne ("nær nul")')
    print()
    print("Til orientering (uden budget):")
    drawn = ms(samples.next_drawn)
    print(f"  Enter: det næste spørgsmål står på skærmen efter {drawn:.1f} ms; svaret gemmes lige efter")
    print(f"  den minimale app i tomgang: {samples.idle_minimal or 0.0:.2f} % af én kerne")
    dialog = ms(samples.dialog_minimal)
    print(f"  den minimale app: et nyt vindue (F2, ModalScreen med én Label) efter {dialog:.1f} ms;")
    against = ", ".join(f"{name.split(' (')[0]} {ms(times) / dialog:.1f}×" for name, times in samples.changes.items())
    against = f"skærmskiftene ovenfor mod det: {against}"
    print(textwrap.fill(against, 100, initial_indent="    ", subsequent_indent="    "))
    print(
        f"  {args.sessions} sessioner: hukommelse i alt {busy.memory_total / MB:.0f} MB "
        f"({busy.memory_total / MB / args.sessions:.1f} MB pr. session, RSS); "
        f"p50 tast til skærm {busy.p50_many * 1000:.1f} ms (alene {busy.p50_one * 1000:.1f} ms)"
    )
    print(
        f"  hele processer: tom python {export['python'] * 1000:.0f} ms / {peaks['python']:.1f} MB, "
        f"pydantic {export['pydantic'] * 1000:.0f} ms / {peaks['pydantic']:.1f} MB, forløbet alene"
    )
    print(f"    (import flows; default_flow()) {export['flow'] * 1000:.0f} ms / {peaks['flow']:.1f} MB")
    print(
        f"  målt: {args.rounds} runder à {args.keys} tastetryk i terminalen, "
        f"{args.headless_rounds} eksporter, 3 × {args.files} filer"
    )
    within = all_within(rows)
    print()
    print("Alle budgetter holder." if within else "Et eller flere budgetter er overskredet (OVER).")
    return 0 if within else 1


if __name__ == "__main__":
    raise SystemExit(main())
