"""The notes and the catalogue pass markdownlint-cli2 with the project's config.

markdownlint-cli2 is installed from the npm registry by ./test (tests/setup-tools.sh
into tests/node_modules). The config (.markdownlint-cli2.jsonc at the repository
root) keeps the default rules and says why each changed rule is changed.
"""

from __future__ import annotations

import subprocess
from dataclasses import replace
from pathlib import Path

import pytest

from flows import Answers, Verdict, default_flow
from outputs.note.catalogue import render_catalogue
from outputs.note.markdown import render_markdown
from tests.outputs.nasty_answers import NASTY, place

ROOT = Path(__file__).resolve().parents[2]
BINARY = ROOT / "tests" / "node_modules" / ".bin" / "markdownlint-cli2"
CONFIG = ROOT / ".markdownlint-cli2.jsonc"
FLOW = default_flow()


def lint(paths: list[Path]) -> None:
    if not BINARY.exists():
        pytest.fail(
            f"markdownlint-cli2 mangler ({BINARY.relative_to(ROOT)}). Kør ./test, som installerer den "
            "(eller: cd tests && npm install)."
        )
    result = subprocess.run(
        [str(BINARY), "--config", str(CONFIG), *map(str, paths)],
        capture_output=True,
        text=True,
        cwd=paths[0].parent,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_config_keeps_the_default_rules_and_gives_reasons() -> None:
    text = CONFIG.read_text(encoding="utf-8")
    assert '"default": true' in text
    for rule in ("MD013", "MD024", "MD026"):
        line = next(number for number, line in enumerate(text.splitlines()) if f'"{rule}"' in line)
        assert text.splitlines()[line - 1].strip().startswith("//"), f"{rule} skal have sin grund lige over sig"


def test_committed_examples_pass() -> None:
    notes = sorted((ROOT / "examples").glob("*.md"))
    assert len(notes) >= 4  # three or more notes and the README
    lint(notes)


def test_catalogue_passes(tmp_path: Path) -> None:
    path = tmp_path / "katalog.md"
    path.write_text(render_catalogue(FLOW), encoding="utf-8")
    lint([path])


def test_exports_of_nasty_answers_pass(tmp_path: Path) -> None:
    paths = []
    for number, text in enumerate(NASTY):
        path = tmp_path / f"note-{number:02d}.md"
        path.write_text(render_markdown(FLOW, place(text)), encoding="utf-8", newline="")
        paths.append(path)
    lint(paths)


def test_exports_of_empty_unresolved_and_agreeing_answers_pass(tmp_path: Path) -> None:
    cases = {
        "tom": Answers(),
        "uafklaret": Answers(values={"navn": "Kun et navn", "glider-ind": "ved-ikke"}),
        "enig": replace(place("Et helt almindeligt svar."), judgement=Verdict.SIMPLE, traits=None),
    }
    paths = []
    for name, answers in cases.items():
        path = tmp_path / f"{name}.md"
        path.write_text(render_markdown(FLOW, answers), encoding="utf-8", newline="")
        paths.append(path)
    lint(paths)


def test_lint_catches_a_broken_note(tmp_path: Path) -> None:
    """The check itself works: a note with a skipped heading level fails."""
    path = tmp_path / "brudt.md"
    path.write_text("# Titel\n\n### Sprunget over\n", encoding="utf-8")
    with pytest.raises(AssertionError, match="MD001"):
        lint([path])
