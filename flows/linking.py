"""The checks that need the whole flow, and linking it for the engine.

Duplicate ids, conditions that name unknown questions or values, sources and
traits that are not defined. Checking a flow also links it: each condition is
parsed once and attached to its section, question or criterion, and the
question index the engine reads on every key press is built. Both ways of
loading a flow end here (``flows.validation`` for a file from outside,
``flows.building`` for the shipped flow).
"""

from __future__ import annotations

from collections.abc import Iterator

from flows.conditions import UNKNOWN, Condition, ConditionError, parse_condition
from flows.ids import nearest
from flows.locator import Locator
from flows.migrations import migration_problems
from flows.problems import FlowError, FlowProblem, Loc
from flows.schema import PATH_NAME, TRAITS_NAME, Complexity, Dimension, Flow, Kind, Question, Section, Verdict

# The flow's classes are frozen; what linking adds is not a field, so it is set past the guard.
_attach = object.__setattr__


def link(flow: Flow, text: str, data: dict, name: str) -> Flow:
    """Check ``flow`` as a whole and link it; a FlowError naming each problem's line otherwise."""
    question_index: dict[str, Question] = {}
    section_index: dict[str, Section] = {}
    _attach(flow, "_questions", question_index)
    _attach(flow, "_section_of", section_index)
    problems = list(_whole_flow_problems(flow, question_index, section_index))
    if problems:
        locator = Locator(text, data)
        raise FlowError(
            name, [FlowProblem(locator.line_of(loc), locator.describe(loc), message) for loc, message in problems]
        )
    return flow


def _whole_flow_problems(
    flow: Flow, question_index: dict[str, Question], section_index: dict[str, Section]
) -> Iterator[tuple[Loc, str]]:
    """Every whole-flow mistake, in file order; also attaches parsed conditions and fills the indexes."""
    yield from _duplicates("sources", [source.id for source in flow.sources], "kilde")
    yield from _duplicates("traits", [trait.id for trait in flow.traits], "træk")
    yield from _duplicates("criteria", [criterion.id for criterion in flow.criteria], "kriterium")
    yield from _duplicates("sections", [section.id for section in flow.sections], "afsnit")

    source_ids = {source.id for source in flow.sources}
    trait_ids = {trait.id for trait in flow.traits}
    section_ids = [section.id for section in flow.sections]
    if flow.triage.section not in section_ids:
        yield (
            ("triage", "section"),
            f"afsnittet {flow.triage.section!r} findes ikke; brug et af {', '.join(section_ids)}",
        )
        return

    known: dict[str, Question] = {}
    seen_triage = False
    for s_index, section in enumerate(flow.sections):
        s_loc: Loc = ("sections", s_index)
        if section.trait is not None and section.trait not in trait_ids:
            yield (*s_loc, "trait"), f"træk {section.trait!r} er ikke defineret under [[traits]]"
        bound = _bound_names(flow, seen_triage)
        if section.relevant_when:
            condition, problems = _check_condition(section.relevant_when, known, bound, trait_ids)
            yield from (((*s_loc, "relevant_when"), problem) for problem in problems)
            _attach(section, "_condition", condition)
        for q_index, question in enumerate(section.questions):
            q_loc: Loc = (*s_loc, "questions", q_index)
            if question.id in known:
                yield (*q_loc, "id"), f"id {question.id!r} er brugt før; hvert spørgsmål skal have sit eget id"
            yield from ((((*q_loc, *loc)), message) for loc, message in _question_problems(question, source_ids))
            if question.relevant_when:
                condition, problems = _check_condition(question.relevant_when, known, bound, trait_ids)
                yield from (((*q_loc, "relevant_when"), problem) for problem in problems)
                _attach(question, "_condition", condition)
            known.setdefault(question.id, question)
            question_index.setdefault(question.id, question)
            section_index.setdefault(question.id, section)
        if section.id == flow.triage.section:
            seen_triage = True

    triage_questions = {question.id: question for question in flow.triage_section.questions}
    yield from _triage_rules_problems(flow, triage_questions)
    for c_index, criterion in enumerate(flow.criteria):
        c_loc: Loc = ("criteria", c_index)
        condition, problems = _check_condition(criterion.when, triage_questions, {}, trait_ids, triage=True)
        yield from (((*c_loc, "when"), problem) for problem in problems)
        _attach(criterion, "_condition", condition)
        for trait in criterion.traits:
            if trait not in trait_ids:
                yield (*c_loc, "traits"), f"træk {trait!r} er ikke defineret under [[traits]]"
        if criterion.traits and criterion.dimension is Dimension.COMPLEXITY:
            yield (
                (*c_loc, "traits"),
                "et kriterium for kompleksitet peger ikke på træk (trækkene følger kerneopgaven); fjern traits",
            )
    for t_index, defined in enumerate(flow.traits):
        if defined.source.source not in source_ids:
            yield ("traits", t_index, "source"), f"kilden {defined.source.source!r} er ikke defineret under [[sources]]"
    yield from migration_problems(flow)


def _triage_rules_problems(flow: Flow, triage_questions: dict[str, Question]) -> Iterator[tuple[Loc, str]]:
    rules = flow.triage
    first = rules.first_impression
    if first is not None:
        question = triage_questions.get(first.question)
        if question is None:
            yield (
                ("triage", "first_impression"),
                f"første indtryk: {first.question!r} er ikke et spørgsmål i triage-afsnittet",
            )
        else:
            for key, option in (("simple", first.simple), ("change", first.change)):
                if option not in question.choice_ids:
                    yield (
                        ("triage", "first_impression"),
                        f"første indtryk: {key} = {option!r} er ikke en svarmulighed til {first.question!r}; "
                        f"tilladt: {', '.join(question.choice_ids)}",
                    )
    verdicts = [verdict.value for verdict in Verdict]
    levels = [level.value for level in Complexity]
    for key in rules.labels:
        if key not in verdicts + levels:
            yield (
                ("triage", "labels", key),
                f"labels: {key!r} er hverken et bud eller et niveau; tilladt: " + ", ".join(verdicts + levels),
            )
    for key in rules.complexity_advice:
        if key not in levels:
            yield (
                ("triage", "complexity_advice", key),
                f"complexity_advice: {key!r} er ikke et niveau; tilladt: " + (", ".join(levels)),
            )
    if rules.complexity_high <= rules.complexity_medium:
        yield (
            ("triage", "complexity_high"),
            f"complexity_high ({rules.complexity_high}) skal være større end complexity_medium "
            f"({rules.complexity_medium})",
        )


def _duplicates(field: str, ids: list[str], what: str) -> Iterator[tuple[Loc, str]]:
    seen: set[str] = set()
    for index, item_id in enumerate(ids):
        if item_id in seen:
            yield (field, index, "id"), f"{what}-id {item_id!r} er brugt før; hvert id skal være unikt"
        seen.add(item_id)


def _question_problems(question: Question, source_ids: set[str]) -> Iterator[tuple[Loc, str]]:
    if question.source.source not in source_ids:
        yield ("source",), f"kilden {question.source.source!r} er ikke defineret under [[sources]]"
    option_ids = [option.id for option in question.options]
    if question.kind is Kind.TEXT and question.options:
        yield ("options",), "et fritekstspørgsmål har ingen svarmuligheder; fjern options"
    if question.kind is Kind.TEXT and question.allow_unknown:
        yield ("allow_unknown",), "et fritekstspørgsmål kan ikke have 'ved ikke'; fjern allow_unknown"
    if question.kind in (Kind.SINGLE, Kind.SCALE, Kind.MULTI) and len(option_ids) < 2:
        yield ("options",), f"et spørgsmål af typen {question.kind.value!r} skal have mindst to svarmuligheder"
    for index, option in enumerate(question.options):
        if option.exclusive and question.kind is not Kind.MULTI:
            yield (
                ("options", index, "exclusive"),
                'exclusive = true kan kun bruges i et flervalgsspørgsmål (kind = "flervalg"); fjern exclusive',
            )
    if UNKNOWN in option_ids:
        yield ("options",), f"{UNKNOWN!r} er reserveret; brug allow_unknown = true i stedet"
    seen: set[str] = set()
    for index, option_id in enumerate(option_ids):
        if option_id in seen:
            yield ("options", index, "id"), f"svarmuligheden {option_id!r} findes to gange"
        seen.add(option_id)


def _bound_names(flow: Flow, after_triage: bool) -> dict[str, tuple[str, ...]]:
    if not after_triage:
        return {}
    return {
        PATH_NAME: tuple(verdict.value for verdict in Verdict),
        TRAITS_NAME: tuple(trait.id for trait in flow.traits),
    }


def _check_condition(
    source: str,
    known: dict[str, Question],
    bound: dict[str, tuple[str, ...]],
    trait_ids: set[str],
    triage: bool = False,
) -> tuple[Condition | None, list[str]]:
    try:
        condition = parse_condition(source)
    except ConditionError as error:
        return None, [f"betingelsen {source!r} kan ikke læses (tegn {error.column}): {error.message}"]
    problems = []
    for reference in condition.references:
        if reference.name in bound:
            allowed = bound[reference.name]
        elif reference.name in known:
            allowed = known[reference.name].choice_ids
        else:
            where = "triage-afsnittet" if triage else "et tidligere spørgsmål"
            names = sorted(known) + sorted(bound)
            hint = nearest(reference.name, names)
            problems.append(
                f"betingelsen nævner {reference.name!r}, som ikke er {where}"
                + (f"; mente du {hint!r}?" if hint else "")
            )
            continue
        for value in reference.values:
            if allowed and value not in allowed:
                problems.append(
                    f"betingelsen sammenligner {reference.name!r} med {value!r}, som ikke er en svarmulighed; "
                    f"tilladt: {', '.join(allowed)}"
                )
    return (condition if not problems else None), problems
