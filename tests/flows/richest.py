"""The most questions a path can show, found with the engine (for the length tests)."""

from __future__ import annotations

from flows import Answers, Flow, Kind, Verdict, evaluate
from flows.conditions import AnswerValue

# Minutes a leader needs per question: a choice is read and picked, a free text is written.
CHOICE_MINUTES = 0.25
TEXT_MINUTES = 1.5


def richest_answers(flow: Flow, path: Verdict) -> dict[str, AnswerValue]:
    """Answers that show as many questions as possible on ``path`` (all traits chosen).

    Greedy: each choice question in turn takes the option that shows the most questions,
    until no single change shows more. Conditions here are small and monotone enough
    for that to find the maximum (the tests check the known richest case by hand too).
    """
    traits = tuple(trait.id for trait in flow.traits)
    values: dict[str, AnswerValue] = {}

    def shown(candidate: dict[str, AnswerValue]) -> int:
        return evaluate(flow, Answers(values=candidate, judgement=path, traits=traits)).visible

    improved = True
    while improved:
        improved = False
        for question in flow.questions.values():
            if not question.is_choice:
                continue
            best = shown(values)
            for option in question.choice_ids:
                value: AnswerValue = (option,) if question.kind is Kind.MULTI else option
                count = shown({**values, question.id: value})
                if count > best:
                    best, values[question.id], improved = count, value, True
    return values


def visible_questions(flow: Flow, path: Verdict):
    traits = tuple(trait.id for trait in flow.traits)
    answers = Answers(values=richest_answers(flow, path), judgement=path, traits=traits)
    return evaluate(flow, answers).visible_questions


def minutes(questions) -> float:
    return sum(CHOICE_MINUTES if question.is_choice else TEXT_MINUTES for question in questions)
