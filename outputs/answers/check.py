"""The meaning of a parsed answers file: every table, key and value checked against the flow.

One pass collects every problem (a leader fixes them all at once), each located
with the layout scanner and phrased as what is wrong and what to do. Valid
answers are collected on the way; the caller decides whether to use them.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from flows import Answers, Flow, Verdict, evaluate, normalise
from flows.conditions import AnswerValue
from flows.fingerprint import changed_questions, fingerprint
from flows.ids import nearest
from flows.migrations import Upgrade, upgrade_from
from outputs.answers import names as names
from outputs.answers.values import ValueChecks, kind_of
from outputs.answers.version import UPGRADE_MESSAGE_START, check_file_table
from outputs.reporting import ERROR, WARNING, Problem, Severity, quoted
from outputs.toml import KeyPath, Layout, LazyLayout
from outputs.wording import describe_condition

CHANGED_MESSAGE = "spørgsmålet er ændret, siden du svarede"

# A file can hold 200,000 unknown keys (a pasted export, a generated file): the first ones are shown,
# located and explained, and the rest are counted, so a check stays linear in the file's size.
MAX_SHOWN_PROBLEMS = 100


def check_data(
    data: dict[str, Any], flow: Flow, layout: Layout | LazyLayout, name: str
) -> tuple[Answers, list[Problem]]:
    """The answers the data holds and the problems found; see ``answers_file``."""
    checker = _Checker(flow, layout, name)
    checker.run(data)
    return checker.answers(), checker.problems + checker.not_shown()


class _Checker(ValueChecks):
    def __init__(self, flow: Flow, layout: Layout | LazyLayout, name: str) -> None:
        self.flow = flow
        self.layout = layout
        self.name = name
        self.problems: list[Problem] = []
        self.values: dict[str, AnswerValue] = {}
        self.notes: dict[str, str] = {}
        self.discuss: set[str] = set()
        self.judgement: Verdict | None = None
        self.reason = ""
        self.traits: tuple[str, ...] | None = None
        self.section_ids = [section.id for section in flow.sections]
        self.uncounted = {ERROR: 0, WARNING: 0}
        # Set when the file was written under an older version of the flow that it has migrations for.
        self.upgrade: Upgrade | None = None
        self.retired: dict[str, AnswerValue] = {}
        self.to_review: list[str] = []  # ids in the file whose answer was retired by the upgrade
        self.fingerprints: dict[str, str] = {}  # today's question id -> fingerprint recorded with the answer
        self.answer_paths: dict[str, KeyPath] = {}  # today's question id -> where its answer stands in the file
        self.changed: tuple[str, ...] = ()  # answered questions whose fingerprint is not today's

    def report(
        self,
        severity: Severity,
        path: KeyPath,
        message: str,
        hint: str = "",
        *,
        part: str = "key",
        item: int | None = None,
        unreadable: bool = False,
        code: str = "",
    ) -> None:
        if self.counting_only() and not unreadable:
            self.uncounted[severity] += 1
            return
        line, column = self.layout.locate(path, part, item)
        self.problems.append(Problem(self.name, line, column, severity, message, hint, unreadable, code=code))

    def counting_only(self) -> bool:
        return len(self.problems) >= MAX_SHOWN_PROBLEMS

    def not_shown(self) -> list[Problem]:
        """One problem per severity saying how many more there are, placed after the last line shown."""
        last = max((problem.line for problem in self.problems), default=1)
        summary = []
        for severity, more in self.uncounted.items():
            if more:
                what = "fejl" if severity == ERROR else ("advarsel" if more == 1 else "advarsler")
                shown = f"{more:,}".replace(",", ".")
                message = f"{shown} {what} mere er ikke vist (de første {MAX_SHOWN_PROBLEMS} problemer er vist)"
                hint = "ret de viste, og tjek filen igen; er mange nøgler ukendte, er det måske ikke en svarfil"
                summary.append(
                    Problem(self.name, last + 1, 1, severity, message, hint, more=more - 1, code="not-shown")
                )
        return summary

    def answers(self) -> Answers:
        return Answers(
            values=self.values,
            judgement=self.judgement,
            judgement_reason=self.reason,
            traits=self.traits,
            notes=self.notes,
            discuss=frozenset(self.discuss),
            retired=self.retired,
            fingerprints=self.fingerprints,
        )

    # -- the file as a whole ---------------------------------------------------------

    def run(self, data: dict[str, Any]) -> None:
        if names.FILE_TABLE in data:
            table = self.table(names.FILE_TABLE, data[names.FILE_TABLE])
            if table is not None and not check_file_table(self, table):
                return  # another format or flow: the rest would be checked against the wrong questions
            version = (table or {}).get(names.FLOW_VERSION_KEY)
            if isinstance(version, str):
                self.upgrade = upgrade_from(self.flow, version)
        else:
            self.missing_file_table(data)
        handlers = {
            names.JUDGEMENT_TABLE: self.judgement_table,
            names.NOTES_TABLE: self.notes_table,
            names.DISCUSS_TABLE: self.discuss_table,
            names.RETIRED_TABLE: self.retired_table,
            names.FINGERPRINT_TABLE: self.fingerprint_table,
        }
        for key, content in data.items():
            if key == names.FILE_TABLE:
                continue
            if key in handlers or key in self.section_ids:
                table = self.table(key, content)
                if table is not None:
                    handlers.get(key, lambda table, key=key: self.section(key, table))(table)
            elif isinstance(content, dict):
                self.unknown_table(key)
            else:
                self.top_level_key(key)
        self.hidden_answers()
        self.changed_answers()
        if self.upgrade is not None:
            self.upgrade_warning(self.upgrade)

    def missing_file_table(self, data: dict[str, Any]) -> None:
        where = f"forløbet '{self.flow.id}' version {self.flow.version}"
        if not data:
            message = "filen har ingen svar endnu og intet [svarfil]-afsnit"
            hint = f"det er i orden for en ny fil; den læses som svar til {where}"
        else:
            message = f"filen har intet [svarfil]-afsnit, så den læses som svar til {where}"
            hint = "tilføj [svarfil] øverst (se 'wizard template'); guiden tilføjer det selv, når den gemmer"
        self.problems.append(Problem(self.name, 1, 1, WARNING, message, hint, code="missing-file-table"))

    def table(self, key: str, content: object) -> dict[str, Any] | None:
        if isinstance(content, dict):
            return content
        if isinstance(content, list) and all(isinstance(item, dict) for item in content):
            self.report(ERROR, (key,), f"[[{key}]] skal skrives med én klamme", f"skriv [{key}]", code="table-array")
        else:
            self.report(
                ERROR,
                (key,),
                f"'{key}' er navnet på et afsnit, ikke et svar",
                f"skriv [{key}] på en linje for sig og svarene på linjerne under",
                code="section-as-answer",
            )
        return None

    def unknown_table(self, key: str) -> None:
        if self.counting_only():
            self.report(ERROR, (key,), "", code="unknown-section")
            return
        if key in self.flow.questions:
            section = self.flow.section_of(key).id
            self.report(
                ERROR,
                (key,),
                f"'{key}' er et spørgsmål, ikke et afsnit",
                f'skriv svaret som {key} = "…" under [{section}]',
                code="question-as-section",
            )
            return
        guess = nearest(key, [*self.section_ids, *names.RESERVED_TABLES])
        hint = f"mente du [{guess}]?" if guess else "se afsnittenes navne i skabelonen ('wizard template')"
        self.report(ERROR, (key,), f"ukendt afsnit [{quoted(key)[1:-1]}]", hint, code="unknown-section")

    def top_level_key(self, key: str) -> None:
        home = self.home_of(key)
        if home:
            self.report(
                ERROR,
                (key,),
                f"'{key}' står før det første afsnit",
                f"flyt linjen ned under [{home}]",
                code="key-before-section",
            )
        else:
            self.unknown_key((key,), key, [*self.flow.questions, *names.FILE_KEYS], "")

    def home_of(self, key: str) -> str | None:
        """The table a key belongs in, if it belongs anywhere."""
        if key in self.flow.questions:
            return self.flow.section_of(key).id
        if key in names.FILE_KEYS:
            return names.FILE_TABLE
        if key in names.JUDGEMENT_KEYS:
            return names.JUDGEMENT_TABLE
        return None

    def unknown_key(self, path: KeyPath, key: str, candidates: Iterable[str], table: str) -> None:
        if self.counting_only():
            self.report(ERROR, path, "", code="unknown-key")
            return
        guess = nearest(key, candidates)
        where = f" i [{table}]" if table else ""
        hint = f"mente du '{guess}'?" if guess else "se de gyldige id'er i skabelonen ('wizard template')"
        self.report(ERROR, path, f"ukendt nøgle {quoted(key)}{where}", hint, code="unknown-key")

    # -- the tables ------------------------------------------------------------------

    def section(self, section_id: str, table: dict[str, Any]) -> None:
        own = {question.id for question in self.flow.section(section_id).questions}
        for key, value in table.items():
            path = (section_id, key)
            if self.upgrade is not None and self.older_answer(path, key, value):
                continue
            if key in own:
                answer = self.answer(self.flow.questions[key], path, value)
                if answer is not None:
                    self.values[key] = answer
                    self.answer_paths[key] = path
            elif (home := self.home_of(key)) is not None:
                self.report(
                    ERROR,
                    path,
                    f"'{key}' hører til afsnittet [{home}], ikke [{section_id}]",
                    f"flyt linjen til [{home}]",
                    code="wrong-section",
                )
            else:
                self.unknown_key(path, key, [*sorted(own), *self.flow.questions], section_id)

    def older_answer(self, path: KeyPath, key: str, value: object) -> bool:
        """An answer in a file written under an older version: read as today's question (in any
        section: it may have moved), or kept when its question is gone. False: not a question."""
        assert self.upgrade is not None
        current = self.upgrade.current_id(key)
        if current is None:
            self.retire(path, key, value)
            return True
        if current not in self.flow.questions:
            return False
        written = normalise(value) if isinstance(value, (str, list)) else None
        mapped, dropped = self.upgrade.map_value(key, written) if written is not None else (value, False)
        if dropped:
            self.retire(path, key, value)
        if mapped is None:
            return True
        answer = self.answer(self.flow.questions[current], path, list(mapped) if isinstance(mapped, tuple) else mapped)
        if answer is not None:
            self.values[current] = answer
            self.answer_paths[current] = path
        return True

    def retire(self, path: KeyPath, key: str, value: object) -> None:
        """Keep an answer whose question or option is gone: it is the leader's word."""
        kept = self.retired_value(path, key, value)
        if kept is not None:
            self.retired[key] = kept
            self.to_review.append(key)

    def retired_value(self, path: KeyPath, key: str, value: object) -> AnswerValue | None:
        if isinstance(value, str):
            return value
        if isinstance(value, list) and all(isinstance(item, str) for item in value):
            return tuple(value)
        self.report(
            ERROR,
            path,
            f"det tidligere svar på '{key}' skal være en tekst eller en liste af tekster, men er {kind_of(value)}",
            'skriv svaret i anførselstegn, fx "ja"',
            part="value",
            code="retired-answer-type",
        )
        return None

    def retired_table(self, table: dict[str, Any]) -> None:
        for key, value in table.items():
            kept = self.retired_value((names.RETIRED_TABLE, key), key, value)
            if kept is not None:
                self.retired[key] = kept

    def upgrade_warning(self, upgrade: Upgrade) -> None:
        """What changed since the file was written, in one warning on its forloeb-version line."""
        evaluation = evaluate(self.flow, self.answers())
        new = [question for question in upgrade.added if evaluation.is_visible(question)]
        unanswered_new = [question for question in new if question not in self.values]
        review = [*self.to_review, *self.changed]
        parts = [f"{len(unanswered_new)} {'spørgsmål er nye' if len(unanswered_new) != 1 else 'spørgsmål er nyt'}"]
        parts.append(f"{len(review) or 'ingen'} svar bør ses igen")
        message = (
            f"{UPGRADE_MESSAGE_START} {upgrade.from_version} af forløbet; programmet bruger version "
            f"{upgrade.to_version}: {', '.join(parts)}"
        )
        hints = []
        if unanswered_new:
            hints.append("nye: " + ", ".join(f"'{question}'" for question in unanswered_new))
        if review:
            hints.append(
                "se igen: "
                + ", ".join(f"'{key}'" for key in review)
                + f" (det gamle svar står under [{names.RETIRED_TABLE}] og i noten)"
            )
        hints.append(
            f"svarene er læst om til version {upgrade.to_version}; "
            f'guiden skriver forloeb-version = "{upgrade.to_version}", når den gemmer'
        )
        self.report(
            WARNING,
            (names.FILE_TABLE, names.FLOW_VERSION_KEY),
            message,
            "; ".join(hints),
            part="value",
            code="older-flow-version",
        )

    def fingerprint_table(self, table: dict[str, Any]) -> None:
        for key, value in table.items():
            path = (names.FINGERPRINT_TABLE, key)
            if self.removed_since(key):
                continue  # its answer is kept as a former answer; what it asked no longer matters
            key = self.today(key)
            if key not in self.flow.questions:
                self.unknown_key(path, key, self.flow.questions, names.FINGERPRINT_TABLE)
            elif not isinstance(value, str):
                self.report(
                    ERROR,
                    path,
                    f"fingeraftrykket for '{key}' skal være en tekst i anførselstegn, men er {kind_of(value)}",
                    "slet linjen; guiden skriver et nyt fingeraftryk, næste gang du svarer på spørgsmålet",
                    part="value",
                    code="fingerprint-type",
                )
            elif value.strip():
                self.fingerprints[key] = value.strip()

    def changed_answers(self) -> None:
        """An answer given to a question that has since been worded differently: worth a second look."""
        if not self.fingerprints:
            return
        answers = self.answers()
        self.changed = changed_questions(self.flow, answers, evaluate(self.flow, answers))
        for question_id in self.changed:
            question = self.flow.questions[question_id]
            self.report(
                WARNING,
                self.answer_paths.get(question_id, (names.FINGERPRINT_TABLE, question_id)),
                f"{CHANGED_MESSAGE}: '{question_id}' (»{' '.join(question.text.split())}«)",
                "læs spørgsmålet igen, og svar i guiden (Enter på dit svar beholder det); eller skriv "
                f'{question_id} = "{fingerprint(question)}" under [{names.FINGERPRINT_TABLE}], '
                "når du har set, at svaret stadig passer",
                code="changed-question",
            )

    def judgement_table(self, table: dict[str, Any]) -> None:
        table_name = names.JUDGEMENT_TABLE
        for key, value in table.items():
            path = (table_name, key)
            if key == names.JUDGEMENT_KEY:
                self.judgement_value(path, value)
            elif key == names.REASON_KEY:
                self.reason = self.text(path, value, "begrundelsen") or ""
            elif key == names.TRAITS_KEY:
                self.traits_value(path, value)
            elif (home := self.home_of(key)) is not None:
                self.report(
                    ERROR,
                    path,
                    f"'{key}' hører til afsnittet [{home}], ikke [{table_name}]",
                    "flyt linjen",
                    code="wrong-section",
                )
            else:
                self.unknown_key(path, key, names.JUDGEMENT_KEYS, table_name)

    def judgement_value(self, path: KeyPath, value: object) -> None:
        allowed = ", ".join(
            f"{verdict.value} = {self.flow.triage.label(verdict.value).capitalize()}" for verdict in names.JUDGEMENTS
        )
        if not isinstance(value, str):
            self.report(
                ERROR,
                path,
                f"din egen vurdering skal være et id i anførselstegn, men er {kind_of(value)}",
                f"tilladt: {allowed}",
                part="value",
                code="judgement-type",
            )
        elif value in names.JUDGEMENTS:
            self.judgement = Verdict(value)
        elif value.strip():
            self.report(
                ERROR,
                path,
                f"{quoted(value)} er ikke en mulig vurdering",
                f"tilladt: {allowed}",
                part="value",
                code="unknown-judgement",
            )

    def traits_value(self, path: KeyPath, value: object) -> None:
        allowed = ", ".join(f"{trait.id} = {trait.title}" for trait in self.flow.traits)
        if not isinstance(value, list):
            shown = f'["{value}"]' if isinstance(value, str) else '["…"]'
            self.report(
                ERROR,
                path,
                f"trækkene skal være en liste, men er {kind_of(value)}",
                f"skriv {names.TRAITS_KEY} = {shown}; tilladt: {allowed}",
                part="value",
                code="traits-type",
            )
            return
        chosen: list[str] = []
        known = [trait.id for trait in self.flow.traits]
        for index, item in enumerate(value):
            if isinstance(item, str) and item in known:
                if item not in chosen:
                    chosen.append(item)
                continue
            guess = nearest(item, known) if isinstance(item, str) and not self.counting_only() else None
            hint = (f"mente du '{guess}'? " if guess else "") + f"tilladt: {allowed}"
            self.report(ERROR, path, f"{quoted(item)} er ikke et kendt træk", hint, item=index, code="unknown-trait")
        self.traits = tuple(chosen)

    def today(self, key: str) -> str:
        """A question id from the file as the flow in use calls it (renamed since an older version)."""
        if self.upgrade is None:
            return key
        return self.upgrade.current_id(key) or key

    def removed_since(self, key: str) -> bool:
        """The question was removed since the file's (older) version of the flow."""
        return self.upgrade is not None and self.upgrade.current_id(key) is None

    def notes_table(self, table: dict[str, Any]) -> None:
        for key, value in table.items():
            path = (names.NOTES_TABLE, key)
            if self.removed_since(key):  # the leader's note is kept beside the former answer
                self.retire(path, f"{key}-note", value)
                continue
            key = self.today(key)
            if key not in self.flow.questions:
                self.unknown_key(path, key, self.flow.questions, names.NOTES_TABLE)
                continue
            note = self.text(path, value, "noten")
            if note and note.strip():
                self.notes[key] = note

    def discuss_table(self, table: dict[str, Any]) -> None:
        for key, value in table.items():
            path = (names.DISCUSS_TABLE, key)
            if self.removed_since(key):  # its answer and note are kept as former answers, to review
                continue
            key = self.today(key)
            if key not in self.flow.questions:
                self.unknown_key(path, key, self.flow.questions, names.DISCUSS_TABLE)
            elif not isinstance(value, bool):
                self.report(
                    ERROR,
                    path,
                    f"mærket for '{key}' skal være true eller false, men er {kind_of(value)}",
                    f"skriv {key} = true uden anførselstegn",
                    part="value",
                    code="mark-type",
                )
            elif value:
                self.discuss.add(key)

    # -- answers the branching hides -----------------------------------------------------

    def hidden_answers(self) -> None:
        if not self.values:
            return
        evaluation = evaluate(self.flow, self.answers())
        shown_sections = {section.id for section in evaluation.visible_sections}
        for question_id in self.values:
            if evaluation.is_visible(question_id):
                continue
            question = self.flow.questions[question_id]
            section = self.flow.section_of(question_id)
            if section.id not in shown_sections and section.condition is not None:
                why = f"afsnittet [{section.id}] vises kun, når {describe_condition(self.flow, section.condition)}"
            elif question.condition is not None:
                why = f"spørgsmålet vises kun, når {describe_condition(self.flow, question.condition)}"
            else:
                why = "spørgsmålet vises ikke med dine øvrige svar"
            self.report(
                WARNING,
                (section.id, question_id),
                f"svaret på '{question_id}' tæller ikke, fordi dine andre svar skjuler spørgsmålet",
                f"{why}; svaret bliver stående i filen, så slet det, hvis det ikke længere gælder",
                code="hidden-answer",
            )
