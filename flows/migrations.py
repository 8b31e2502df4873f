"""Reading answers written under an older version of a flow: the ``[[migrations]]`` as one upgrade.

A flow's migrations say, per older version, which question ids were renamed,
which questions were removed or added, and which options were renamed or removed.
``upgrade_from`` chains the steps from a file's version up to the flow's own:
entries with the same ``from-version`` are read together (two people may each
add one), and a file two versions old passes through each step in turn.
``migration_problems`` checks the tables against the flow, for ``flows.linking``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from flows.conditions import AnswerValue
from flows.problems import Loc
from flows.schema import Flow, Migration

REMOVED_OPTION = ""  # an option mapped to this was removed: the answer is kept as a former answer


def version_key(version: str) -> tuple[int, ...]:
    """A dotted version for comparing: "1.0" and "1" are the same, "1.10" is after "1.9"."""
    parts = [int(part) for part in version.split(".")]
    while len(parts) > 1 and parts[-1] == 0:
        parts.pop()
    return tuple(parts)


@dataclass(frozen=True)
class Upgrade:
    """The steps from ``from_version`` to the flow's own version, each step one merged from-version."""

    from_version: str
    to_version: str
    steps: tuple[Migration, ...]

    def current_id(self, question_id: str) -> str | None:
        """Today's id of a question in the file; None when the question was removed."""
        for step in self.steps:
            if question_id in step.removed_questions:
                return None
            question_id = step.renamed_questions.get(question_id, question_id)
        return question_id

    def is_renamed(self, question_id: str) -> bool:
        return self.current_id(question_id) not in (None, question_id)

    def map_value(self, question_id: str, value: AnswerValue) -> tuple[AnswerValue | None, bool]:
        """The answer in today's options, and whether an option in it was removed.

        ``question_id`` is the id in the file. A several-choice answer keeps the options
        that still exist; a single answer whose option was removed becomes no answer.
        """
        dropped = False
        mapped: AnswerValue | None = value
        for step in self.steps:
            question_id = step.renamed_questions.get(question_id, question_id)
            mapping = step.options.get(question_id)
            if not mapping or mapped is None:
                continue
            if isinstance(mapped, tuple):
                kept = tuple(mapping.get(item, item) for item in mapped)
                remaining = tuple(item for item in kept if item != REMOVED_OPTION)
                dropped |= len(remaining) < len(kept)
                mapped = remaining or None
            else:
                mapped = mapping.get(mapped, mapped)
                if mapped == REMOVED_OPTION:
                    mapped, dropped = None, True
        return mapped, dropped

    @property
    def added(self) -> tuple[str, ...]:
        """Today's ids of the questions added since ``from_version`` (and not removed again)."""
        found: list[str] = []
        for index, step in enumerate(self.steps):
            for question_id in step.added_questions:
                for later in self.steps[index + 1 :]:
                    if question_id in later.removed_questions:
                        break
                    question_id = later.renamed_questions.get(question_id, question_id)
                else:
                    if question_id not in found:
                        found.append(question_id)
        return tuple(found)


def upgrade_from(flow: Flow, version: str) -> Upgrade | None:
    """How to read a file written under ``version``; None when it is not older or nothing is known of it."""
    try:
        start = version_key(version)
    except ValueError:
        return None
    if start >= version_key(flow.version):
        return None
    steps = tuple(step for key, step in _steps(flow.migrations) if key >= start)
    return Upgrade(version, flow.version, steps) if steps else None


def _steps(migrations: tuple[Migration, ...]) -> list[tuple[tuple[int, ...], Migration]]:
    """One merged migration per from-version, oldest first."""
    merged: dict[tuple[int, ...], Migration] = {}
    for migration in migrations:
        key = version_key(migration.from_version)
        before = merged.get(key)
        if before is None:
            merged[key] = migration
            continue
        merged[key] = Migration(
            from_version=before.from_version,
            renamed_questions={**before.renamed_questions, **migration.renamed_questions},
            removed_questions=(*before.removed_questions, *migration.removed_questions),
            added_questions=(*before.added_questions, *migration.added_questions),
            options={
                question: {**before.options.get(question, {}), **migration.options.get(question, {})}
                for question in (*before.options, *migration.options)
            },
        )
    return sorted(merged.items())


def migration_problems(flow: Flow) -> Iterator[tuple[Loc, str]]:
    """Mistakes in the [[migrations]] tables: versions, and ids the flow does not know."""
    now = version_key(flow.version)
    questions = flow.questions
    newest = max((version_key(m.from_version) for m in flow.migrations), default=None)
    renamed_by: dict[tuple[tuple[int, ...], str], tuple[int, str]] = {}
    for index, migration in enumerate(flow.migrations):
        loc: Loc = ("migrations", index)
        key = version_key(migration.from_version)
        if key >= now:
            yield (
                (*loc, "from-version"),
                f"from-version {migration.from_version!r} skal være ældre end forløbets version {flow.version!r}",
            )
        # Only the newest step's ids can be checked against this flow; older steps name ids of their time.
        latest = key == newest
        for old, new in migration.renamed_questions.items():
            earlier = renamed_by.get((key, old))
            if earlier is not None and earlier[1] != new:
                yield (
                    (*loc, "renamed-questions", old),
                    f"spørgsmålet {old!r} er omdøbt to gange fra version {migration.from_version} "
                    f"(til {earlier[1]!r} og {new!r}); behold én",
                )
            renamed_by[(key, old)] = (index, new)
            if latest and new not in questions:
                yield (*loc, "renamed-questions", old), _unknown_question(flow, new, f"{old!r} omdøbes til")
            if latest and old in questions and old not in migration.renamed_questions.values():
                yield (
                    (*loc, "renamed-questions", old),
                    f"{old!r} er stadig et spørgsmål i forløbet; et omdøbt id må ikke bruges igen",
                )
        for old in migration.removed_questions:
            if latest and old in questions:
                yield (
                    (*loc, "removed-questions"),
                    f"{old!r} er stadig et spørgsmål i forløbet; fjern det fra removed-questions",
                )
        for new in migration.added_questions:
            if latest and new not in questions:
                yield (*loc, "added-questions"), _unknown_question(flow, new, "added-questions nævner")
        for question_id, mapping in migration.options.items():
            if not latest:
                continue
            question = questions.get(question_id)
            if question is None:
                yield (*loc, "options", question_id), _unknown_question(flow, question_id, "options nævner")
                continue
            for old, new in mapping.items():
                if new != REMOVED_OPTION and new not in question.choice_ids:
                    yield (
                        (*loc, "options", question_id),
                        f"{new!r} er ikke en svarmulighed til {question_id!r} ({old!r} skal blive til den); "
                        f'tilladt: {", ".join(question.choice_ids)} eller "" for en fjernet svarmulighed',
                    )


def _unknown_question(flow: Flow, question_id: str, what: str) -> str:
    from flows.ids import nearest

    hint = nearest(question_id, list(flow.questions))
    return f"{what} {question_id!r}, men det er ikke et spørgsmål i forløbet" + (
        f"; mente du {hint!r}?" if hint else ""
    )
