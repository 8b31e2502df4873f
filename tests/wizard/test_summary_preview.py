"""The note's preview on the summary is built a moment after arrival, or at once on Page Down.

Built with the page (Textual's Markdown: a widget per block), it held every arrival on the
summary about 0.4 s for a rich note, though it lies below the first screen (issue 20).
"""

from __future__ import annotations

import asyncio
import shutil
from pathlib import Path

from textual.widgets import Markdown

from flows import default_flow
from wizard.app import WizardApp, open_preparation
from wizard.widgets.summary_page import PREVIEW_DELAY

RICH_EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "softwarerobot-i-borgerservice.toml"


def finished_app(tmp_path: Path) -> WizardApp:
    shutil.copy(RICH_EXAMPLE, tmp_path / "forberedelse.toml")
    flow = default_flow()
    return WizardApp(flow, preparation=open_preparation(tmp_path / "forberedelse.toml", flow))


def test_the_preview_follows_a_moment_after_the_summary(tmp_path: Path) -> None:
    async def scenario() -> tuple[int, int]:
        app = finished_app(tmp_path)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            at_arrival = len(app.screen.query(Markdown))
            await pilot.pause(PREVIEW_DELAY + 0.3)
            return at_arrival, len(app.screen.query(Markdown))

    assert asyncio.run(scenario()) == (0, 1)


def test_page_down_builds_the_preview_at_once_and_scrolls_to_it(tmp_path: Path) -> None:
    async def scenario() -> tuple[int, float]:
        app = finished_app(tmp_path)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            for _ in range(3):
                await pilot.press("pagedown")
            await pilot.pause()
            return len(app.screen.query(Markdown)), app.screen.query_one("#page").scroll_y

    previews, scrolled = asyncio.run(scenario())
    assert previews == 1
    assert scrolled > 24  # past the summary, into the note
