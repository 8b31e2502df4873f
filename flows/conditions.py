"""A tiny, safe expression language for relevance conditions and triage criteria.

Conditions are written in the flow file as plain strings, for example::

    borgere-moeder == "direkte"
    kontakt-aendres in ["suppleres", "erstattes"] and not glider-ind == "ja"
    vej == "forandring-af-kerneopgaven" and traek has "medialisering"

Why our own little language instead of Python's ``eval`` or ``ast``: question ids
contain hyphens, the flow may come from an organisation's own file (so nothing
may be executed), and every mistake must be reported with its column.

Semantics, chosen so that a condition never fires on something not said:
- a name is a question id, or one of the names the engine binds (``vej``,
  ``traek``);
- ``x == "a"`` is true when x's answer is "a" (for several-choice answers: when
  "a" is among them); ``x != "a"`` is true when x is answered and is not "a";
- ``x in ["a", "b"]`` is true when the answer is (or includes) one of them;
- ``x has "a"`` is a readable synonym of ``==`` for several-choice answers;
- ``answered(x)`` is true when x has an answer other than "ved ikke";
- a question that is unanswered or hidden makes every comparison false.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

AnswerValue = str | tuple[str, ...]
Lookup = Mapping[str, AnswerValue]

UNKNOWN = "ved-ikke"


class ConditionError(ValueError):
    """A condition that cannot be parsed; ``column`` is 1-based."""

    def __init__(self, message: str, column: int) -> None:
        super().__init__(message)
        self.message = message
        self.column = column


_TOKEN = re.compile(
    r"""\s*(?:
        (?P<string>"[^"]*")
      | (?P<op>==|!=|\(|\)|\[|\]|,)
      | (?P<name>[a-z0-9][a-z0-9-]*)
      | (?P<bad>\S)
    )""",
    re.VERBOSE,
)
_KEYWORDS = {"and", "or", "not", "in", "has", "answered"}


@dataclass(frozen=True)
class Token:
    kind: str  # "string", "op", "name", "keyword", "end"
    text: str
    column: int


def _tokenize(source: str) -> list[Token]:
    tokens: list[Token] = []
    position = 0
    while position < len(source):
        match = _TOKEN.match(source, position)
        if match is None or match.end() == position:
            break  # only trailing whitespace is left
        kind = match.lastgroup or "bad"
        text = match.group(kind)
        column = match.start(kind) + 1
        if kind == "bad":
            raise ConditionError(f"uventet tegn {text!r}", column)
        if kind == "name" and text in _KEYWORDS:
            kind = "keyword"
        tokens.append(Token(kind, text, column))
        position = match.end()
    tokens.append(Token("end", "", len(source) + 1))
    return tokens


# The parsed form: small immutable nodes that know how to evaluate themselves.
@dataclass(frozen=True)
class Compare:
    name: str
    values: tuple[str, ...]
    negated: bool  # True for "!="

    def evaluate(self, lookup: Lookup) -> bool:
        answer = lookup.get(self.name)
        if answer is None or answer == "":
            return False
        given = answer if isinstance(answer, tuple) else (answer,)
        if not given:
            return False
        hit = any(value in self.values for value in given)
        return not hit if self.negated else hit


@dataclass(frozen=True)
class Answered:
    name: str

    def evaluate(self, lookup: Lookup) -> bool:
        answer = lookup.get(self.name)
        return answer not in (None, "", (), UNKNOWN)


@dataclass(frozen=True)
class Not:
    operand: Node

    def evaluate(self, lookup: Lookup) -> bool:
        return not self.operand.evaluate(lookup)


@dataclass(frozen=True)
class All:
    operands: tuple[Node, ...]

    def evaluate(self, lookup: Lookup) -> bool:
        return all(operand.evaluate(lookup) for operand in self.operands)


@dataclass(frozen=True)
class Any_:
    operands: tuple[Node, ...]

    def evaluate(self, lookup: Lookup) -> bool:
        return any(operand.evaluate(lookup) for operand in self.operands)


Node = Compare | Answered | Not | All | Any_


@dataclass(frozen=True)
class Reference:
    """A name used in a condition, and what it is compared with."""

    name: str
    values: tuple[str, ...]
    column: int


@dataclass(frozen=True)
class Condition:
    """A parsed condition: its source text, its tree and the names it uses."""

    source: str
    tree: Node
    references: tuple[Reference, ...]

    def evaluate(self, lookup: Lookup) -> bool:
        return self.tree.evaluate(lookup)

    @property
    def names(self) -> frozenset[str]:
        return frozenset(reference.name for reference in self.references)


class _Parser:
    def __init__(self, source: str) -> None:
        self.tokens = _tokenize(source)
        self.index = 0
        self.references: list[Reference] = []

    @property
    def current(self) -> Token:
        return self.tokens[self.index]

    def advance(self) -> Token:
        token = self.tokens[self.index]
        self.index += 1
        return token

    def expect(self, text: str, what: str) -> Token:
        token = self.current
        if token.text != text:
            found = token.text or "slutningen"
            raise ConditionError(f"forventede {what}, fandt {found!r}", token.column)
        return self.advance()

    def parse(self) -> Node:
        node = self.parse_or()
        if self.current.kind != "end":
            raise ConditionError(
                f"uventet {self.current.text!r}; mangler der 'and' eller 'or'?",
                self.current.column,
            )
        return node

    def _chain(self, keyword: str, parse_operand: Callable[[], Node], build: type) -> Node:
        operands = [parse_operand()]
        while self.current.kind == "keyword" and self.current.text == keyword:
            self.advance()
            operands.append(parse_operand())
        return operands[0] if len(operands) == 1 else build(tuple(operands))

    def parse_or(self) -> Node:
        return self._chain("or", self.parse_and, Any_)

    def parse_and(self) -> Node:
        return self._chain("and", self.parse_not, All)

    def parse_not(self) -> Node:
        if self.current.kind == "keyword" and self.current.text == "not":
            self.advance()
            return Not(self.parse_not())
        return self.parse_atom()

    def parse_atom(self) -> Node:
        token = self.current
        if token.text == "(":
            self.advance()
            node = self.parse_or()
            self.expect(")", "')'")
            return node
        if token.kind == "keyword" and token.text == "answered":
            self.advance()
            self.expect("(", "'(' efter answered")
            name = self.parse_name()
            self.expect(")", "')'")
            self.references.append(Reference(name.text, (), name.column))
            return Answered(name.text)
        name = self.parse_name()
        operator = self.current
        if operator.text in ("==", "!=") or (operator.kind == "keyword" and operator.text == "has"):
            self.advance()
            values: tuple[str, ...] = (self.parse_string(),)
        elif operator.kind == "keyword" and operator.text == "in":
            self.advance()
            values = self.parse_list()
        else:
            found = operator.text or "slutningen"
            raise ConditionError(
                f"forventede ==, !=, in eller has efter {name.text!r}, fandt {found!r}",
                operator.column,
            )
        self.references.append(Reference(name.text, values, name.column))
        return Compare(name.text, values, negated=operator.text == "!=")

    def parse_name(self) -> Token:
        token = self.current
        if token.kind != "name":
            found = token.text or "slutningen"
            raise ConditionError(f"forventede et spørgsmåls-id, fandt {found!r}", token.column)
        return self.advance()

    def parse_string(self) -> str:
        token = self.current
        if token.kind != "string":
            found = token.text or "slutningen"
            raise ConditionError(f'forventede en værdi i anførselstegn, fx "ja", fandt {found!r}', token.column)
        self.advance()
        return token.text[1:-1]

    def parse_list(self) -> tuple[str, ...]:
        self.expect("[", "'[' efter in")
        values = [self.parse_string()]
        while self.current.text == ",":
            self.advance()
            values.append(self.parse_string())
        self.expect("]", "']'")
        return tuple(values)


def parse_condition(source: str) -> Condition:
    """Parse a condition string; raises ConditionError with a column on mistakes."""
    if not source.strip():
        raise ConditionError("betingelsen er tom", 1)
    parser = _Parser(source)
    tree = parser.parse()
    return Condition(source=source, tree=tree, references=tuple(parser.references))
