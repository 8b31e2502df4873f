"""The screen figures, in a real terminal: a private tmux server, one pane of 80x24, TERM=xterm-256color.

Each round runs three sessions in the same pane, in alternating order so they share the
machine's noise: the minimal Textual app (``bench/minimal_app.py``), ``wizard FILE`` (the
wizard opening an answers file on a choice question) and ``wizard`` (the start screen).
Both programs are Python scripts in the same venv, started the same way.

- first screen: from asking tmux to start the program until a known text of the first
  screen is in the pane (``capture-pane``, polled every millisecond);
- options: Down or Up on a choice list until the highlight has moved;
- next question: Enter on a choice until the next question is on the screen and the answer
  is in the answers file on disk (autosave included; the time until the screen alone shows
  it is kept too);
- a finished preparation (the richest example, which opens on its summary): its first screen, then
  every other screen change, each from the key until the screen shows it: export from the summary
  (Enter), back to the last question (Ctrl+P), forward to the summary (Ctrl+N), the outline opened
  (Ctrl+O) and a jump from it (Home, Enter), the explanation (Ctrl+F) and the reasons (Ctrl+R);
- memory: peak resident size (VmHWM) of each program just before it quits;
- idle CPU: utime + stime of a wizard waiting on a question, over a few seconds.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from bench import minimal_app
from bench.tmux import Tmux
from flows import Answers, Flow, default_flow, evaluate
from outputs.answers import dumps_answers, load_answers
from wizard.pages import Page, neighbour, resume_point

PYTHON = sys.executable
WIZARD = str(Path(sys.executable).with_name("wizard"))
MINIMAL_APP = str(Path(minimal_app.__file__).resolve())
ENV = {"TERM": "xterm-256color"}
CHOICE_QUESTION = "fagomraade"  # the wizard opens on this question; Enter moves to the next
SETTLE = 0.08  # seconds of quiet after each measured key, so the next one starts from an idle program
ANSWERS_FILE = "svar.toml"


def drawn(*texts: str) -> Callable[[str], bool]:
    return lambda screen: all(text in screen for text in texts)


def marker_on(label: str) -> Callable[[str], bool]:
    """The wizard's focus marker "›" is on the line of ``label``."""
    return lambda screen: any(line.lstrip().startswith("›") and label in line for line in screen.splitlines())


def both(first: Callable[[str], bool], second: Callable[[str], bool]) -> Callable[[str], bool]:
    return lambda screen: first(screen) and second(screen)


def highlighted(label: str) -> Callable[[str], bool]:
    """Textual's RadioSet shows the highlighted button in bold (captured with escape sequences)."""
    return lambda screen: any(label in line and "\x1b[1m" in line for line in screen.splitlines())


@dataclass
class Samples:
    """Everything measured in one run of the benchmark, in seconds and kilobytes."""

    first_minimal: list[float] = field(default_factory=list)
    first_question: list[float] = field(default_factory=list)
    first_start: list[float] = field(default_factory=list)
    options_minimal: list[float] = field(default_factory=list)
    dialog_minimal: list[float] = field(default_factory=list)  # F2: a new (modal) screen in bare Textual
    options_wizard: list[float] = field(default_factory=list)
    next_question: list[float] = field(default_factory=list)  # on the screen and on disk
    next_drawn: list[float] = field(default_factory=list)  # on the screen
    first_finished: list[float] = field(default_factory=list)
    changes: dict[str, list[float]] = field(default_factory=dict)  # screen change -> key-to-screen times
    peak_minimal: list[int] = field(default_factory=list)
    peak_wizard: list[int] = field(default_factory=list)
    idle_minimal: float | None = None
    idle_wizard: float | None = None


@dataclass(frozen=True)
class Scenario:
    """The wizard's part: which question it opens on, its options, the next question, the file."""

    flow: Flow
    question_text: str
    options: tuple[tuple[str, str], tuple[str, str]]  # (id, label) of the first two options
    last_option: str
    section_id: str
    next_text: str
    answers_text: str

    @classmethod
    def build(cls, flow: Flow) -> Scenario:
        question = flow.questions[CHOICE_QUESTION]
        values: dict[str, str] = {}
        for earlier in evaluate(flow, Answers()).visible_questions:  # answer everything before it
            if earlier.id == question.id:
                break
            values[earlier.id] = earlier.choices[0].id if earlier.is_choice else "Skærmbesøg i hjemmeplejen."
        answers = Answers(values=values)
        evaluation = evaluate(flow, answers)
        # Where the wizard opens (a text that reads as cut off, without a full stop, would be reopened).
        if resume_point(evaluation)[0] != Page("spørgsmål", question.id):
            raise RuntimeError(f"guiden åbner ikke på spørgsmålet {question.id}; ret bench/screens.py")
        following = neighbour(flow, evaluation, Page("spørgsmål", question.id), 1)
        if following is None or following.question_id is None:
            raise RuntimeError(f"intet spørgsmål efter {question.id}; ret bench/screens.py")
        first, second = question.choices[0], question.choices[1]
        return cls(
            flow=flow,
            question_text=question.text,
            options=((first.id, first.label), (second.id, second.label)),
            last_option=question.choices[-1].label,
            section_id=flow.section_of(question.id).id,
            next_text=flow.questions[following.question_id].text,
            answers_text=dumps_answers(flow, answers),
        )


ROOT = Path(__file__).resolve().parents[1]
FINISHED_FILE = "rig.toml"
SUMMARY_TEXTS = ("Gem noten til mødet", "Til mødet (")
CHANGES = (  # the screen changes of a finished preparation, in the order they are timed
    "eksport fra sammenfatningen (Enter)",
    "tilbage til sidste spørgsmål (^P)",
    "frem til sammenfatningen (^N)",
    "oversigten åbnes (^O)",
    "hop fra oversigten (Home, Enter)",
    "forklaring (^F)",
    "begrundelse for buddet (^R)",
)


@dataclass(frozen=True)
class Finished:
    """The richest example (the most answers): a preparation the leader comes back to; it opens on the summary."""

    path: Path
    last_question: str
    first_question: str

    @classmethod
    def build(cls, flow: Flow) -> Finished:
        richest = max(sorted((ROOT / "examples").glob("*.toml")), key=lambda path: len(load_answers(path, flow).values))
        evaluation = evaluate(flow, load_answers(richest, flow))
        if evaluation.first_unanswered() is not None:
            raise RuntimeError(f"{richest.name} er ikke færdig; ret bench/screens.py")
        visible = evaluation.visible_questions
        return cls(richest, visible[-1].text[:40], visible[0].text[:40])


def cpu_seconds(pid: int) -> float:
    """utime + stime of the whole process (all its threads)."""
    text = Path(f"/proc/{pid}/stat").read_text()
    fields = text[text.rindex(")") + 2 :].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def peak_kilobytes(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    raise RuntimeError("VmHWM mangler i /proc/PID/status")


def idle_cpu(pid: int, seconds: float) -> float:
    """Percent of one core the process used while nobody touched it."""
    before, start = cpu_seconds(pid), time.monotonic()
    time.sleep(seconds)
    return (cpu_seconds(pid) - before) / (time.monotonic() - start) * 100


class Screens:
    def __init__(self, tmux: Tmux, scenario: Scenario, keys: int, samples: Samples) -> None:
        self.tmux = tmux
        self.scenario = scenario
        self.finished = Finished.build(scenario.flow)
        self.keys = keys
        self.samples = samples

    def _start(self, argv: list[str], shown: Callable[[str], bool], what: str) -> tuple[float, int]:
        start = time.perf_counter()
        self.tmux.start(argv, ENV)
        seen = self.tmux.wait(shown, what)
        return seen - start, self.tmux.pid()

    def _key(self, key: str, shown: Callable[[str], bool], what: str, escapes: bool = False) -> float:
        start = time.perf_counter()
        self.tmux.keys(key)
        return self.tmux.wait(shown, what, escapes) - start

    def _quit(self) -> None:
        self.tmux.keys("C-q")
        self.tmux.wait_dead()

    def minimal(self, record: bool, idle_seconds: float = 0.0) -> None:
        labels = minimal_app.OPTIONS
        first, pid = self._start(
            [PYTHON, MINIMAL_APP], drawn(minimal_app.TITLE, labels[-1], "palette"), "den minimale apps skærm"
        )
        time.sleep(SETTLE)
        moves = []
        for number in range(self.keys):
            key, label = ("Down", labels[1]) if number % 2 == 0 else ("Up", labels[0])
            moves.append(self._key(key, highlighted(label), f"markeringen på {label}", escapes=True))
            time.sleep(SETTLE)
        dialogs = []
        for _ in range(max(1, self.keys // 2)):
            dialogs.append(self._key("F2", drawn(minimal_app.DIALOG_TEXT), "den minimale apps vindue"))
            time.sleep(SETTLE)
            self._key("Escape", lambda screen: minimal_app.DIALOG_TEXT not in screen, "den minimale app igen")
            time.sleep(SETTLE)
        if idle_seconds:
            self.samples.idle_minimal = idle_cpu(pid, idle_seconds)
        peak = peak_kilobytes(pid)
        self._quit()
        if record:
            self.samples.first_minimal.append(first)
            self.samples.options_minimal.extend(moves)
            self.samples.dialog_minimal.extend(dialogs)
            self.samples.peak_minimal.append(peak)

    def wizard_on_question(self, record: bool, idle_seconds: float = 0.0) -> None:
        scenario = self.scenario
        answers_path = self.tmux.workdir / ANSWERS_FILE
        answers_path.write_text(scenario.answers_text, encoding="utf-8")
        first, pid = self._start(
            [WIZARD, ANSWERS_FILE],
            drawn(scenario.question_text, scenario.last_option, "Svarene gemmes i", "Genveje"),
            "guidens første spørgsmål",
        )
        time.sleep(SETTLE)
        moves, drawn_after, saved_after = [], [], []
        for number in range(self.keys):
            key, (option_id, label) = ("Down", scenario.options[1]) if number % 2 == 0 else ("Up", scenario.options[0])
            moves.append(self._key(key, marker_on(label), f"markeringen på {label}"))
            time.sleep(SETTLE)
            start = time.perf_counter()
            self.tmux.keys("Enter")
            drawn_after.append(self.tmux.wait(drawn(scenario.next_text), "det næste spørgsmål") - start)
            saved_after.append(self._saved(answers_path, option_id) - start)  # looked for once it is drawn
            time.sleep(SETTLE)
            self.tmux.keys("C-p")
            self.tmux.wait(both(drawn(scenario.question_text), marker_on(label)), "spørgsmålet")
            time.sleep(SETTLE)
        if idle_seconds:
            self.samples.idle_wizard = idle_cpu(pid, idle_seconds)
        peak = peak_kilobytes(pid)
        self._quit()
        if record:
            self.samples.first_question.append(first)
            self.samples.options_wizard.extend(moves)
            self.samples.next_drawn.extend(drawn_after)
            self.samples.next_question.extend(saved_after)
            self.samples.peak_wizard.append(peak)

    def _saved(self, path: Path, option_id: str) -> float:
        """When the answers file on disk holds ``option_id`` as the answer (polled)."""
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                table = tomllib.loads(path.read_text(encoding="utf-8")).get(self.scenario.section_id, {})
            except (OSError, tomllib.TOMLDecodeError):
                table = {}
            if table.get(CHOICE_QUESTION) == option_id:
                return time.perf_counter()
            time.sleep(0.0005)
        raise RuntimeError(f"svaret {option_id} blev aldrig gemt i {path}")

    def wizard_finished(self, record: bool) -> None:
        """A finished preparation: its first screen (the summary), then every other screen change."""
        finished = self.finished
        (self.tmux.workdir / FINISHED_FILE).write_bytes(finished.path.read_bytes())
        (self.tmux.workdir / FINISHED_FILE.replace(".toml", ".md")).unlink(missing_ok=True)
        first, _ = self._start([WIZARD, FINISHED_FILE], drawn(*SUMMARY_TEXTS, "Genveje"), "sammenfatningen")
        changes: dict[str, list[float]] = {name: [] for name in CHANGES}
        time.sleep(SETTLE)
        export, back, forward, outline, jump, explain, reasons = CHANGES

        def closed(screen: str) -> bool:
            return "Escape eller Enter lukker" not in screen

        changes[export].append(self._key("Enter", drawn("Noten er gemt"), "beskeden om noten"))
        time.sleep(SETTLE)
        for _ in range(max(1, self.keys // 2)):
            changes[back].append(self._key("C-p", drawn(finished.last_question), "det sidste spørgsmål"))
            time.sleep(SETTLE)
            changes[forward].append(self._key("C-n", drawn(*SUMMARY_TEXTS), "sammenfatningen"))
            time.sleep(SETTLE)
            changes[outline].append(self._key("C-o", drawn("Enter springer dertil"), "oversigten"))
            time.sleep(SETTLE)
            self.tmux.keys("Home")
            time.sleep(SETTLE)
            on_first = drawn(finished.first_question, "Spørgsmål 1 af")
            changes[jump].append(self._key("Enter", on_first, "det første spørgsmål"))
            time.sleep(SETTLE)
            changes[explain].append(self._key("C-f", drawn("Escape eller Enter lukker"), "forklaringen"))
            time.sleep(SETTLE)
            self._key("Escape", closed, "spørgsmålet igen")
            time.sleep(SETTLE)
            changes[reasons].append(self._key("C-r", drawn("Begrundelse for buddet"), "begrundelsen"))
            time.sleep(SETTLE)
            self._key("Escape", closed, "spørgsmålet igen")
            time.sleep(SETTLE)
            self.tmux.keys("C-o")
            self.tmux.wait(drawn("Enter springer dertil"), "oversigten")
            self.tmux.keys("End")
            time.sleep(SETTLE)
            self._key("Enter", drawn(*SUMMARY_TEXTS), "sammenfatningen")
            time.sleep(SETTLE)
        self._quit()
        if record:
            self.samples.first_finished.append(first)
            for name, times in changes.items():
                self.samples.changes.setdefault(name, []).extend(times)

    def wizard_start_screen(self, record: bool) -> None:
        first, _ = self._start([WIZARD], drawn("Kerneopgave-guiden", "betyder Ctrl-tasten", "Genveje"), "startskærmen")
        time.sleep(SETTLE)
        self._quit()
        if record:
            self.samples.first_start.append(first)


def measure(workdir: Path, rounds: int, keys: int, idle_seconds: float, progress: Callable[[str], None]) -> Samples:
    """One warm-up round (not counted), then ``rounds`` rounds in alternating order."""
    samples = Samples()
    scenario = Scenario.build(default_flow())
    with Tmux(workdir) as tmux:
        screens = Screens(tmux, scenario, keys, samples)
        for number in range(rounds + 1):
            record, last = number > 0, number == rounds
            progress(f"skærmene: runde {number} af {rounds}" if record else "skærmene: opvarmning")
            idle = idle_seconds if last else 0.0
            sessions = [
                partial(screens.minimal, record, idle),
                partial(screens.wizard_on_question, record, idle),
                partial(screens.wizard_start_screen, record),
                partial(screens.wizard_finished, record),
            ]
            for session in sessions if number % 2 == 0 else reversed(sessions):
                session()
    return samples


def median_ms(values: list[float]) -> float:
    return statistics.median(values) * 1000
