"""The condition language: what fires, what does not, and clear errors."""

from __future__ import annotations

import pytest

from flows.conditions import ConditionError, parse_condition


@pytest.mark.parametrize(
    ("source", "answers", "expected"),
    [
        ('a == "x"', {"a": "x"}, True),
        ('a == "x"', {"a": "y"}, False),
        ('a == "x"', {}, False),
        ('a != "x"', {}, False),  # an unanswered question never fires
        ('a != "x"', {"a": "y"}, True),
        ('a in ["x", "y"]', {"a": "y"}, True),
        ('m has "x"', {"m": ("y", "x")}, True),
        ('m has "x"', {"m": ("y",)}, False),
        ('a == "x" and b == "y"', {"a": "x", "b": "y"}, True),
        ('a == "x" and b == "y"', {"a": "x"}, False),
        ('a == "x" or b == "y"', {"b": "y"}, True),
        ('not a == "x"', {}, True),
        ('(a == "x" or a == "y") and not b == "z"', {"a": "y", "b": "w"}, True),
        ("answered(a)", {"a": "ved-ikke"}, False),
        ("answered(a)", {"a": "x"}, True),
        ("answered(long-id-2)", {"long-id-2": "x"}, True),
    ],
)
def test_evaluation(source, answers, expected):
    assert parse_condition(source).evaluate(answers) is expected


@pytest.mark.parametrize(
    ("source", "column"),
    [('a = "x"', 3), ("a == x", 6), ('a == "x" andd b == "y"', 10), ('a in ["x"', 10), ("", 1), ('a == "x" )', 10)],
)
def test_errors_point_at_the_column(source, column):
    with pytest.raises(ConditionError) as caught:
        parse_condition(source)
    assert caught.value.column == column


def test_references_list_names_and_values():
    condition = parse_condition('a in ["x", "y"] and not b == "z"')
    assert [(r.name, r.values) for r in condition.references] == [("a", ("x", "y")), ("b", ("z",))]
