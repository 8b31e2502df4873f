"""Small shared words: an answer in the flow's labels, a shortened text, a path, the progress.

Pure functions, so the screens, the plain mode and their tests share one wording.
"""

from __future__ import annotations

from pathlib import Path

from flows import UNKNOWN, AnswerValue, Evaluation, Flow, Question, Verdict


def shorten(text: str, width: int) -> str:
    """``text`` cut to ``width`` characters with an ellipsis, on a word boundary where possible."""
    text = " ".join(text.split())
    if len(text) <= width:
        return text
    cut = text[: width - 1]
    if " " in cut[width // 2 :]:
        cut = cut[: cut.rfind(" ")]
    return cut.rstrip(" ,.;:–-") + "…"


def answer_text(question: Question, value: AnswerValue | None) -> str:
    """An answer as the leader chose it, in the flow's own labels."""
    if value is None:
        return "ubesvaret"
    if isinstance(value, tuple):
        return ", ".join(question.label_of(item) for item in value) or "ubesvaret"
    if question.is_choice:
        return question.label_of(value)
    return value


def is_unknown(value: AnswerValue | None) -> bool:
    return value == UNKNOWN


def display_path(path: Path) -> str:
    """The answers file's path as the leader typed it; relative paths get a "./" so they read as paths."""
    text = str(path)
    if path.is_absolute() or text.startswith((".", "~")):
        return text
    return f"./{text}"


def progress_text(evaluation: Evaluation, question_id: str | None, flow: Flow | None = None) -> str:
    """ "Spørgsmål 7 af 23" for a question; elsewhere how many of the visible questions are answered.

    While the triage has not settled the path, the total is the most the flow can show, said
    with "omkring" (the flow's ``[length]``, as the start screen says it): a total that would
    otherwise jump from about 20 to about 70 the moment the verdict falls."""
    total = str(evaluation.visible)
    length = flow.length if flow is not None else None
    if length is not None and evaluation.path is Verdict.UNRESOLVED:
        total = f"omkring {max(evaluation.visible, length.change_questions)}"
    if question_id is None:
        return f"{evaluation.answered} af {total} spørgsmål besvaret"
    ids = [question.id for question in evaluation.visible_questions]
    position = ids.index(question_id) + 1 if question_id in ids else 0
    # No "· N besvaret" here: beside the longest section title it would push the title bar past 80
    # columns (issue 19); the count is in the outline (Ctrl+O), the summary and the goodbye.
    return f"Spørgsmål {position} af {total}"


def short_progress(evaluation: Evaluation, flow: Flow) -> str:
    """ "12 af 40", or "2 af ca. 70" while the triage has not settled the path (as ``progress_text``)."""
    length = flow.length
    if length is not None and evaluation.path is Verdict.UNRESOLVED:
        return f"{evaluation.answered} af ca. {max(evaluation.visible, length.change_questions)}"
    return f"{evaluation.answered} af {evaluation.visible}"


def missing_folder(path: Path) -> str | None:
    """A Danish sentence when ``path``'s folder does not exist, said before writing there: the
    system's own word for it ("findes ikke (længere)") suits a folder that vanished, not a typo."""
    folder = path.parent
    if folder.is_dir():
        return None
    return f"Mappen {display_path(folder)} findes ikke. Opret den først, eller skriv et andet sted at gemme."
