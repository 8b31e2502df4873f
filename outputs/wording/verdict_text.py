"""The triage in plain Danish, once, for every face: the note, ``wizard status``, the panel and Ctrl+R.

Every sentence here is built from the flow's own words (its [triage] rule texts
and labels, the criteria's titles and explanations, the question texts and
option labels) and from what the engine found: a fired criterion, the verdict's
rule, the answers it depends on, the answers that would flip it, the leader's
first impression. Nothing is said that the answers do not support; a property
test checks that over random answers (tests/outputs/test_verdict_text.py).

Plain text: the note escapes it for Markdown, the screens wrap it in Content.
"""

from __future__ import annotations

from dataclasses import dataclass

from flows import AnswerValue, DecisiveChange, Evaluation, Flow, Kind, Verdict
from flows.engine import Reason
from flows.schema import Complexity


def label(flow: Flow, key: Verdict | str | None) -> str:
    """The flow's word for a verdict or a complexity level ("simpelt redskab", "høj")."""
    if key is None:
        return "ikke vurderet"
    return flow.triage.label(key.value if isinstance(key, Verdict) else str(key))


def answer_label(flow: Flow, question_id: str, value: AnswerValue | None) -> str:
    """An answer as the leader chose it, in the flow's labels."""
    question = flow.questions[question_id]
    if value is None:
        return "ubesvaret"
    if isinstance(value, tuple):
        return "; ".join(question.label_of(item) for item in value)
    return question.label_of(value) if question.kind is not Kind.TEXT else value


def short(text: str, limit: int = 70) -> str:
    """A question text cut at a word boundary, so a sentence about it stays readable."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(" ,.;:–-") + " …"


def headline(flow: Flow, evaluation: Evaluation) -> str:
    """ "Simpelt redskab" / "Uafklaret – hælder indtil nu mod simpelt redskab"."""
    text = label(flow, evaluation.verdict).capitalize()
    leaning = evaluation.triage.leaning
    if evaluation.verdict is Verdict.UNRESOLVED and leaning is not None:
        text += f" – hælder indtil nu mod {label(flow, leaning)}"
    return text


def points_sum(flow: Flow, evaluation: Evaluation) -> str:
    """The sum the reasons add up to, with the threshold: the reasons' points are the score."""
    change = label(flow, Verdict.CHANGE)
    return f"I alt {evaluation.triage.score} point; fra {flow.triage.threshold} point lyder buddet på {change}."


def depends_on_sentence(flow: Flow, evaluation: Evaluation) -> str | None:
    """ "Buddet afhænger af: …" naming the open or "ved ikke" answers that could flip it."""
    if not evaluation.depends_on:
        return None
    named = "; ".join(f"»{short(flow.questions[question_id].text)}«" for question_id in evaluation.depends_on)
    return f"Buddet afhænger af: {named}."


def first_impression_sentence(flow: Flow, evaluation: Evaluation, whose: str = "Dit") -> str | None:
    """The leader's first impression beside the verdict; named when it disagrees."""
    impression = evaluation.first_impression
    if impression is None:
        return None
    first = f"{whose} første indtryk var »{label(flow, impression)}«"
    if evaluation.first_impression_disagrees:
        return f"{first}, men svarene peger på »{label(flow, evaluation.verdict)}«. Indtrykket giver ingen point."
    if evaluation.verdict is Verdict.UNRESOLVED:
        return f"{first}. Indtrykket giver ingen point; buddet afgøres af de andre svar."
    return f"{first}, og svarene peger samme vej."


def explanation(flow: Flow, evaluation: Evaluation, whose: str = "Dit") -> list[str]:
    """The verdict's rule, what it depends on, and the first impression: the sentences beside the reasons."""
    sentences = [evaluation.triage.rule]
    for extra in (depends_on_sentence(flow, evaluation), first_impression_sentence(flow, evaluation, whose)):
        if extra:
            sentences.append(extra)
    return sentences


def reason_line(reason: Reason) -> str:
    """ "Ændrer opgaveløsningen betydeligt (+4)"."""
    return f"{reason.title} ({reason.points:+d})"


@dataclass(frozen=True)
class ChangeText:
    question: str  # the question's text, shortened
    current: str | None  # its answer now (None: not answered)
    proposed: str

    def sentence(self) -> str:
        if self.current is None:
            return f"»{self.question}«: »{self.proposed}« (ubesvaret nu)"
        return f"»{self.question}«: »{self.proposed}« i stedet for »{self.current}«"


def change_text(flow: Flow, change: DecisiveChange, limit: int = 70) -> ChangeText:
    question = flow.questions[change.question_id]
    current = None if change.current is None else answer_label(flow, change.question_id, change.current)
    return ChangeText(short(question.text, limit), current, question.label_of(change.proposed))


def decisive_lead(flow: Flow, evaluation: Evaluation) -> str | None:
    """The sentence before the decisive answers: how many ways, how many answers each, på grænsen or not."""
    if evaluation.verdict is Verdict.UNRESOLVED:
        return None
    other = f"»{label(flow, evaluation.verdict.opposite)}«"
    alternatives = evaluation.decisive
    if not alternatives:
        return f"Ingen ændring af triagens svar kan gøre buddet til {other}."
    edge = "På grænsen: ét svar, flyttet ét trin, vender buddet. " if evaluation.borderline else ""
    if len(alternatives[0]) == 1:
        count = "Ét svar" if len(alternatives) == 1 else f"Hvert af disse {len(alternatives)} svar"
        return f"{edge}{count} kan alene gøre buddet til {other}:"
    size = len(alternatives[0])
    if len(alternatives) == 1:
        return f"Intet enkelt svar vender buddet; disse {size} svar sammen ville gøre det til {other}:"
    return (
        f"Intet enkelt svar vender buddet; hver af disse {len(alternatives)} kombinationer af {size} svar "
        f"ville gøre det til {other}:"
    )


def complexity_lines(flow: Flow, evaluation: Evaluation) -> list[str]:
    """The level with its advice; the reasons are listed by the caller (``evaluation.complexity.reasons``)."""
    complexity = evaluation.complexity
    if complexity.level is None:
        return ["Kompleksiteten er ikke vurderet endnu: ingen af spørgsmålene om den er besvaret."]
    lines = [
        f"Kompleksitet: {label(flow, complexity.level)} ({complexity.score} point; "
        f"{label(flow, Complexity.MEDIUM)} fra {flow.triage.complexity_medium}, "
        f"{label(flow, Complexity.HIGH)} fra {flow.triage.complexity_high}). Den afgør ikke buddet."
    ]
    if complexity.advice:
        lines.append(complexity.advice)
    return lines
