"""A relevance condition in plain Danish, for the template and for messages.

``kontakt-aendres in ["suppleres", "erstattes"]`` means nothing to a leader;
"'Ændrer teknologien kontakten …' er besvaret med 'Den personlige kontakt
suppleres …' eller 'En del af den personlige kontakt erstattes'" does.
"""

from __future__ import annotations

from collections.abc import Iterable

from flows import Flow
from flows.conditions import All, Answered, Any_, Compare, Condition, Node, Not
from flows.schema import PATH_NAME, TRAITS_NAME


def describe_condition(flow: Flow, condition: Condition) -> str:
    return _describe(flow, condition.tree)


def _describe(flow: Flow, node: Node) -> str:
    if isinstance(node, Compare):
        return _compare(flow, node)
    if isinstance(node, Answered):
        return f"{_question(flow, node.name)} er besvaret"
    if isinstance(node, Not):
        return f"det ikke gælder, at {_nested(flow, node.operand)}"
    if isinstance(node, All):
        return " og ".join(_nested(flow, operand) for operand in node.operands)
    if isinstance(node, Any_):
        return " eller ".join(_nested(flow, operand) for operand in node.operands)
    return str(node)


def _nested(flow: Flow, node: Node) -> str:
    text = _describe(flow, node)
    return f"({text})" if isinstance(node, (All, Any_)) else text


def _compare(flow: Flow, node: Compare) -> str:
    if node.name == PATH_NAME:
        labels = _either(flow.triage.label(value) for value in node.values)
        return f"vurderingen {'ikke ' if node.negated else ''}er {labels}"
    if node.name == TRAITS_NAME:
        titles = _either(_trait_title(flow, value) for value in node.values)
        return f"trækket {titles} {'ikke ' if node.negated else ''}er valgt"
    question = flow.questions.get(node.name)
    labels = _either(question.label_of(value) if question else value for value in node.values)
    if node.negated:
        return f"{_question(flow, node.name)} er besvaret med andet end {labels}"
    return f"{_question(flow, node.name)} er besvaret med {labels}"


def _question(flow: Flow, question_id: str) -> str:
    question = flow.questions.get(question_id)
    return f"'{question.text}'" if question else f"'{question_id}'"


def _trait_title(flow: Flow, trait_id: str) -> str:
    try:
        return flow.trait(trait_id).title
    except KeyError:
        return trait_id


def _either(labels: Iterable[str]) -> str:
    quoted = [f"'{label}'" for label in labels]
    if len(quoted) <= 1:
        return "".join(quoted)
    return ", ".join(quoted[:-1]) + " eller " + quoted[-1]
