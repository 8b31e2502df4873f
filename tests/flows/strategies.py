"""Hypothesis strategies for answers to a flow: any subset of questions, any allowed value."""

from __future__ import annotations

from hypothesis import strategies as st

from flows import Answers, Flow, Kind, Question, Verdict


def answer_for(question: Question) -> st.SearchStrategy:
    if question.kind is Kind.TEXT:
        return st.text(min_size=1, max_size=20)
    ids = list(question.choice_ids)
    if question.kind is Kind.MULTI:
        return st.lists(st.sampled_from(ids), min_size=1, max_size=len(ids), unique=True).map(tuple)
    return st.sampled_from(ids)


def values_for(flow: Flow, questions: list[Question] | None = None) -> st.SearchStrategy[dict]:
    chosen = questions if questions is not None else list(flow.questions.values())
    return st.fixed_dictionaries({}, optional={question.id: answer_for(question) for question in chosen})


def answers_for(flow: Flow) -> st.SearchStrategy[Answers]:
    return st.builds(
        Answers,
        values=values_for(flow),
        judgement=st.none() | st.sampled_from([Verdict.SIMPLE, Verdict.CHANGE]),
        traits=st.none() | st.lists(st.sampled_from([trait.id for trait in flow.traits]), unique=True).map(tuple),
    )
