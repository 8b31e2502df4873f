"""The answers file: a leader's answers as plain TOML (format: docs/answers-format.md).

Reading is one pass that collects every problem, compiler-style: bytes to text
(``text_decode``), TOML syntax (``toml_syntax``), meaning (``answers_check``).
Answers are given back only when there is no error; warnings (a byte-order mark,
an answer the branching hides, an older flow version) leave the file usable.

Writing (``dumps_answers``) is deterministic: the same answers give the same
bytes, in the flow's order, so a file under version control changes only where
an answer changed. Answers to questions the branching hides are kept: they are
the leader's words, they just do not count. Saving over a file that is there
changes only the changed answers, so comments written by hand stay
(``outputs.answers.edit``).
"""

from __future__ import annotations

from pathlib import Path

from flows import Answers, AnswerValue, Flow, Kind, Question, normalise
from outputs.answers import names as names
from outputs.answers.check import check_data
from outputs.answers.flow_source import flow_source
from outputs.answers.names import FORMAT_VERSION, MAX_TEXT_CHARS
from outputs.reporting import Problem, has_errors, in_file_order
from outputs.toml import clean_text, comment, decode, parse_toml, read_limited, string, string_array

__all__ = [
    "FORMAT_VERSION",
    "MAX_TEXT_CHARS",
    "AnswersFileError",
    "Problem",
    "check_answers_bytes",
    "check_answers_file",
    "check_answers_text",
    "dumps_answers",
    "load_answers",
]


class AnswersFileError(Exception):
    """An answers file with at least one error; ``problems`` holds all problems found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(problem.render() for problem in problems))


def check_answers_text(text: str, flow: Flow, name: str) -> tuple[Answers | None, list[Problem]]:
    """Check the text of an answers file against ``flow``; ``name`` is used in messages.

    Returns the answers (None when any problem is an error) and every problem, in
    file order.
    """
    text, problems = clean_text(text, name)
    parsed = parse_toml(text, name)
    problems += parsed.problems
    answers = None
    if parsed.data is not None and parsed.tables_intact:
        answers, meaning = check_data(parsed.data, flow, parsed.layout, name)
        problems += meaning
    problems = in_file_order(problems)
    return (None if has_errors(problems) else answers), problems


def check_answers_bytes(data: bytes, flow: Flow, name: str) -> tuple[Answers | None, list[Problem]]:
    """As ``check_answers_text``, from the raw bytes (encoding problems are located too)."""
    text, problems = decode(data, name)
    if text is None:
        return None, problems
    answers, more = check_answers_text(text, flow, name)
    return answers, problems + more


def check_answers_file(path: Path, flow: Flow) -> tuple[Answers | None, list[Problem]]:
    """As ``check_answers_bytes`` for a file; OSError when it cannot be opened or read."""
    return check_answers_bytes(read_limited(path), flow, str(path))


def load_answers(path: Path, flow: Flow) -> Answers:
    """The answers in ``path``; AnswersFileError when the file has an error, OSError
    (e.g. FileNotFoundError) when it cannot be read at all."""
    answers, problems = check_answers_file(path, flow)
    if answers is None:
        raise AnswersFileError(problems)
    return answers


# -- writing -------------------------------------------------------------------------------


def dumps_answers(flow: Flow, answers: Answers) -> str:
    """The answers file text: header, [svarfil], the flow's sections, then the leader's
    judgement, notes and marks. Only answered questions appear; ids the flow does not
    know are left out (they cannot be placed under a section)."""
    out = [
        f'# Svar til "{comment(flow.title)}"',
        "# Gemt af kerneopgave-guiden. Formatet beskrives af kommandoen: wizard help format",
        "# Du kan rette filen i en editor; tjek den bagefter med: wizard check FIL",
        "",
        *names.file_table(flow, flow_source(flow)),
    ]
    for section in flow.sections:
        lines = []
        for question in section.questions:
            value = normalise(answers.values.get(question.id))
            if value is None:
                continue
            lines.append(f"# {comment(question.text)}")
            lines.append(_answer_line(question, value))
        if lines:
            out += ["", f"# {comment(section.title)}", f"[{section.id}]", *lines]
    out += _judgement(flow, answers)
    order = list(flow.questions)
    notes = [(qid, text) for qid, text in answers.notes.items() if qid in flow.questions and text.strip()]
    if notes:
        out += ["", f"[{names.NOTES_TABLE}]"]
        out += [f"{qid} = {string(text)}" for qid, text in sorted(notes, key=lambda item: order.index(item[0]))]
    marked = [qid for qid in order if qid in answers.discuss]
    if marked:
        out += ["", f"[{names.DISCUSS_TABLE}]", *(f"{qid} = true" for qid in marked)]
    out += _retired(answers)
    out += _fingerprints(flow, answers)
    return "\n".join(out) + "\n"


def _fingerprints(flow: Flow, answers: Answers) -> list[str]:
    """What each answered question asked when it was answered, so a later change to it is noticed."""
    kept = [
        (question_id, answers.fingerprints[question_id])
        for question_id in flow.questions
        if question_id in answers.fingerprints and normalise(answers.values.get(question_id)) is not None
    ]
    if not kept:
        return []
    return [
        "",
        "# Spørgsmålenes fingeraftryk, da du svarede: guiden ser heraf, om et spørgsmål er ændret siden.",
        "# Du behøver ikke røre dem; slettes en linje, bliver svaret bare ikke tjekket.",
        f"[{names.FINGERPRINT_TABLE}]",
        *(f"{question_id} = {string(value)}" for question_id, value in kept),
    ]


def _retired(answers: Answers) -> list[str]:
    """Answers to questions an older version of the flow had: kept, never dropped."""
    if not answers.retired:
        return []
    lines = [
        "",
        "# Svar på spørgsmål, som en tidligere version af forløbet havde. De tæller ikke,",
        "# men står her og i noten, så intet af det, du har svaret, går tabt.",
        f"[{names.RETIRED_TABLE}]",
    ]
    for key, value in sorted(answers.retired.items()):
        written = string(value) if isinstance(value, str) else string_array(value)
        bare = key.replace("-", "").replace("_", "").isascii() and key.replace("-", "").replace("_", "").isalnum()
        lines.append(f"{key if bare else string(key)} = {written}")
    return lines


def _answer_line(question: Question, value: AnswerValue) -> str:
    """``id = value``; a choice gets its label as a comment, so the file reads on its own."""
    written = string(value) if isinstance(value, str) else string_array(value)
    if question.kind is Kind.TEXT:
        return f"{question.id} = {written}"
    labels = "; ".join(question.label_of(item) for item in ((value,) if isinstance(value, str) else value))
    return f"{question.id} = {written}  # {comment(labels)}"


def _judgement(flow: Flow, answers: Answers) -> list[str]:
    lines = []
    if answers.judgement in names.JUDGEMENTS:
        lines.append(f"{names.JUDGEMENT_KEY} = {string(answers.judgement.value)}")
    if answers.judgement_reason.strip():
        lines.append(f"{names.REASON_KEY} = {string(answers.judgement_reason)}")
    if answers.traits is not None:
        known = {trait.id for trait in flow.traits}
        lines.append(f"{names.TRAITS_KEY} = {string_array([t for t in answers.traits if t in known])}")
    return ["", f"[{names.JUDGEMENT_TABLE}]", *lines] if lines else []
