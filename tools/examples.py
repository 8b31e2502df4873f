"""Regenerate the committed example notes: ``python -m tools.examples [FOLDER]``.

Each ``NAME.toml`` answers file in the folder (default: ``examples``) gets its
export ``NAME.md`` beside it, written with the same code as ``wizard export``.
A test renders them again and compares bytes, so the committed notes can never
drift from the code; after a change to the export, run this and read every
changed note before committing it.
"""

from __future__ import annotations

import sys
from pathlib import Path

from flows import default_flow
from outputs.answers import load_answers
from outputs.note import render_markdown, write_markdown


def example_files(folder: Path) -> list[Path]:
    """The example answers files, in name order."""
    return sorted(folder.glob("*.toml"))


def expected_note(answers_path: Path) -> str:
    """The note an example's answers file should have as its committed export."""
    flow = default_flow()
    return render_markdown(flow, load_answers(answers_path, flow))


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    folder = Path(args[0]) if args else Path("examples")
    files = example_files(folder)
    if not files:
        print(f"Ingen svarfiler (*.toml) i {folder}.", file=sys.stderr)
        return 1
    flow = default_flow()
    for answers_path in files:
        note_path = answers_path.with_suffix(".md")
        before = note_path.read_text(encoding="utf-8") if note_path.exists() else None
        write_markdown(note_path, flow, load_answers(answers_path, flow))
        changed = before != note_path.read_text(encoding="utf-8")
        print(f"{note_path}: {'opdateret' if changed else 'uændret'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
