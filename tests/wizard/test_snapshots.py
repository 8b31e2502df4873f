"""Snapshots of every screen at 80x24 (pytest-textual-snapshot).

They use a small flow of their own, so that the default flow can grow without changing
the pictures; the clock is fixed and cursors do not blink, so a picture changes only when
the screens do. Review a changed picture (snapshot_report.html) before accepting it with
``pytest --snapshot-update``.
"""

from __future__ import annotations

import os
from datetime import date, datetime
from pathlib import Path

import pytest

from flows import Answers, Verdict, parse_flow
from outputs.note.facts import NoteFacts
from outputs.storage.saving import save_answers
from wizard.app import WizardApp, open_preparation

SIZE = (80, 24)

FLOW = """
id = "kerneopgave"
version = "1.0"
title = "Simpelt redskab eller forandring af kerneopgaven?"
description = "Forberedelse af et møde om en ny teknologi."

[[sources]]
id = "fremfaerd"
title = "Sammen om ny teknologi"
publisher = "Fremfærd"

[[traits]]
id = "standardisering"
title = "Standardisering"
description = "Arbejdsgangene bliver mere ensartede."
source = { source = "fremfaerd", section = "2. Opgaveløsning" }

[[traits]]
id = "medialisering"
title = "Medialisering"
description = "Kontakten går gennem teknologien i stedet for at være direkte."
source = { source = "fremfaerd", section = "2. Opgaveløsning" }

[triage]
section = "triage"
threshold = 3
min_answered = 2
simple_reason = "Intet af det, du har svaret, peger på forandring."
unresolved_reason = "Du har besvaret {answered} triagespørgsmål; der skal mindst {needed} til."

[[criteria]]
id = "glider-ind-uden-besvaer"
title = "Glider ind uden besvær"
when = 'glider-ind == "ja"'
points = -3
explanation = "Teknologien glider ind i arbejdet uden besvær."

[[criteria]]
id = "glider-ikke-ind"
title = "Kræver tilvænning"
when = 'glider-ind == "nej"'
points = 2
explanation = "Teknologien skal indarbejdes."

[[criteria]]
id = "kontakten-erstattes"
title = "Den personlige kontakt erstattes delvist"
when = 'kontakt-aendres == "erstattes"'
points = 3
explanation = "En del af kontakten går gennem teknologien."
traits = ["medialisering"]

[[sections]]
id = "om-teknologien"
title = "Om teknologien"
intro = "Først lidt om teknologien."

[[sections.questions]]
id = "navn"
text = "Hvad hedder teknologien?"
kind = "fritekst"
help = "Navnet bliver overskrift i noten."
source = { source = "fremfaerd", section = "Ny teknologi i kommunerne" }

[[sections.questions]]
id = "fagomraade"
text = "Hvilket fagområde hører den til?"
kind = "enkeltvalg"
help = "Fagområdet sætter noten i sammenhæng."
source = { source = "fremfaerd", section = "Ny teknologi i kommunerne" }
options = [
  { id = "skole", label = "Dagtilbud og skole" },
  { id = "social-og-sundhed", label = "Social og sundhed" },
]

[[sections]]
id = "triage"
title = "Simpelt redskab eller forandring?"
intro = "Svarene giver et bud. Buddet er en hjælp, ikke en afgørelse."

[[sections.questions]]
id = "glider-ind"
text = "Kan teknologien glide ind i det daglige arbejde uden besvær?"
kind = "ja-nej"
allow_unknown = true
help = "Simple redskaber glider ind uden besvær."
source = { source = "fremfaerd", section = "Ny teknologi i kommunerne" }

[[sections.questions]]
id = "kontakt-aendres"
text = "Ændrer teknologien kontakten mellem medarbejdere og borgere?"
kind = "enkeltvalg"
allow_unknown = true
help = "Kontakt gennem en skærm kaldes medialisering."
source = { source = "fremfaerd", section = "2. Opgaveløsning" }
options = [
  { id = "nej", label = "Nej, kontakten er den samme" },
  { id = "erstattes", label = "En del af den personlige kontakt erstattes" },
]

[[sections]]
id = "medialisering"
title = "Medialisering"
trait = "medialisering"
relevant_when = 'traek has "medialisering"'

[[sections.questions]]
id = "kanaler"
text = "Hvilke kanaler bruger borgerne?"
kind = "flervalg"
help = "Kontakten kan gå gennem flere kanaler."
source = { source = "fremfaerd", section = "2. Opgaveløsning" }
options = [
  { id = "skaerm", label = "Skærm" },
  { id = "telefon", label = "Telefon" },
  { id = "fremmoede", label = "Fremmøde" },
]

[[sections]]
id = "kort-overblik"
title = "Det korte overblik"
relevant_when = 'vej == "simpelt-redskab"'

[[sections.questions]]
id = "kort-formaal"
text = "Hvilket problem skal teknologien løse?"
kind = "fritekst"
help = "Også et simpelt redskab skal tjene et formål."
source = { source = "fremfaerd", section = "1. Kerneopgave" }
"""

SCREEN_VISITS = Answers(
    values={"navn": "Skærmbesøg i hjemmeplejen", "fagomraade": "social-og-sundhed", "glider-ind": "nej"},
    notes={"glider-ind": "Hvad med borgere med demens?"},
    discuss=frozenset({"glider-ind"}),
)


def clock() -> datetime:
    return datetime(2025, 3, 4, 14, 3, 27)


@pytest.fixture
def flow():
    return parse_flow(FLOW, "snapshot-flow.toml")


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    # The note names the answers file's owner and day of last change: fixed here, like the clock.
    import wizard.widgets.summary_page

    facts = NoteFacts(changed=date(2025, 3, 4), prepared_by="Mette Hansen")
    monkeypatch.setattr(wizard.widgets.summary_page, "file_facts", lambda path: facts)
    return tmp_path


def app_on(flow, answers: Answers | None) -> WizardApp:
    """The app on ./forberedelse.toml, pre-filled with ``answers`` (None: the start screen)."""
    if answers is None:
        return WizardApp(flow, clock=clock)
    save_answers(Path("forberedelse.toml"), flow, answers)
    return WizardApp(flow, preparation=open_preparation(Path("forberedelse.toml"), flow, clock), clock=clock)


async def folder_read(pilot) -> None:
    """The start screen reads the folder in a thread: wait for it, so the picture is the same every time."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def test_start_screen(snap_compare, flow, workdir):
    assert snap_compare(app_on(flow, None), terminal_size=SIZE, run_before=folder_read)


def test_start_screen_with_the_preparations_in_the_folder(snap_compare, flow, workdir):
    save_answers(Path("skaermbesoeg.toml"), flow, SCREEN_VISITS)
    save_answers(Path("ovn-i-koekkenet.toml"), flow, Answers(values={"navn": "Ny ovn i køkkenet", "glider-ind": "ja"}))
    for day, name in enumerate(("skaermbesoeg.toml", "ovn-i-koekkenet.toml"), start=3):  # fixed, and not this year
        stamp = datetime(2025, 3, day, 9, 30).timestamp()
        os.utime(name, (stamp, stamp))
    assert snap_compare(app_on(flow, None), terminal_size=SIZE, run_before=folder_read)


def test_file_with_errors_on_the_start_screen(snap_compare, flow, workdir):
    Path("forberedelse.toml").write_text('[svarfil]\nformat = 1\nforloeb = "kerneopgave"\n[triage]\nglider-ind = 3\n')

    async def choose_it(pilot) -> None:
        await folder_read(pilot)
        await pilot.press("home", "enter")

    assert snap_compare(app_on(flow, None), terminal_size=SIZE, run_before=choose_it)


def test_first_question_about_the_technology(snap_compare, flow, workdir):
    assert snap_compare(app_on(flow, None), press=["enter"], terminal_size=SIZE)


def test_choice_question_with_an_answer_saved(snap_compare, flow, workdir):
    answers = Answers(values={"navn": "Skærmbesøg"})
    assert snap_compare(app_on(flow, answers), press=["down", "enter", "ctrl+p"], terminal_size=SIZE)


def test_triage_question_with_the_live_verdict(snap_compare, flow, workdir):
    assert snap_compare(app_on(flow, SCREEN_VISITS), press=["down"], terminal_size=SIZE)


def test_triage_marked_for_discussion_with_a_note(snap_compare, flow, workdir):
    assert snap_compare(app_on(flow, SCREEN_VISITS), press=["ctrl+p"], terminal_size=SIZE)


def test_explanation_and_source(snap_compare, flow, workdir):
    assert snap_compare(app_on(flow, SCREEN_VISITS), press=["ctrl+f"], terminal_size=SIZE)


def test_whole_reasoning_behind_the_verdict(snap_compare, flow, workdir):
    answers = Answers(values={**SCREEN_VISITS.values, "kontakt-aendres": "erstattes"})
    assert snap_compare(app_on(flow, answers), press=["ctrl+p", "ctrl+r"], terminal_size=SIZE)


def test_judgement_and_traits(snap_compare, flow, workdir):
    answers = Answers(
        values={**SCREEN_VISITS.values, "kontakt-aendres": "erstattes"},
        judgement=Verdict.CHANGE,
        judgement_reason="Skærmen ændrer mødet med borgeren.",
    )
    assert snap_compare(app_on(flow, answers), press=["ctrl+p"], terminal_size=SIZE)


def test_several_choice_question(snap_compare, flow, workdir):
    answers = Answers(values={**SCREEN_VISITS.values, "kontakt-aendres": "erstattes", "kanaler": ("skaerm",)})
    assert snap_compare(app_on(flow, answers), press=["ctrl+p", "down", "space"], terminal_size=SIZE)


def test_warning_before_hiding_answered_questions(snap_compare, flow, workdir):
    answers = Answers(values={**SCREEN_VISITS.values, "kontakt-aendres": "erstattes", "kanaler": ("skaerm",)})
    assert snap_compare(
        app_on(flow, answers), press=["ctrl+p", "ctrl+p", "ctrl+p", "home", "enter"], terminal_size=SIZE
    )


def test_outline(snap_compare, flow, workdir):
    assert snap_compare(app_on(flow, SCREEN_VISITS), press=["ctrl+o"], terminal_size=SIZE)


async def preview_built(pilot) -> None:
    """The summary builds the note's preview a moment after it is shown (PREVIEW_DELAY): wait for it."""
    from wizard.widgets.summary_page import PREVIEW_DELAY

    await pilot.pause(PREVIEW_DELAY + 0.2)
    await pilot.wait_for_scheduled_animations()


def test_summary_with_preview(snap_compare, flow, workdir):
    answers = Answers(
        values={**SCREEN_VISITS.values, "kontakt-aendres": "erstattes", "kanaler": ("skaerm", "telefon")},
        judgement_reason="Skærmen ændrer mødet med borgeren.",
        notes=SCREEN_VISITS.notes,
        discuss=SCREEN_VISITS.discuss,
    )
    assert snap_compare(app_on(flow, answers), terminal_size=SIZE, run_before=preview_built)


def test_summary_after_export(snap_compare, flow, workdir):
    answers = Answers(values={**SCREEN_VISITS.values, "kontakt-aendres": "nej", "kort-formaal": "Færre skridt."})
    assert snap_compare(app_on(flow, answers), press=["enter"], terminal_size=SIZE, run_before=preview_built)


def test_save_error_is_shown(snap_compare, flow, workdir, monkeypatch):
    import wizard.session as app_module  # Preparation saves through wizard.session
    from outputs.storage.saving import SaveError

    def failing(path, flow, answers):
        raise SaveError("Filen ./forberedelse.toml kunne ikke gemmes: der er ikke mere plads på disken.")

    app = app_on(flow, SCREEN_VISITS)
    monkeypatch.setattr(app_module, "save_answers", failing)
    assert snap_compare(app, press=["home", "enter"], terminal_size=SIZE)


def test_save_somewhere_else(snap_compare, flow, workdir):
    assert snap_compare(app_on(flow, SCREEN_VISITS), press=["ctrl+s"], terminal_size=SIZE)


def test_keys_help(snap_compare, flow, workdir):
    assert snap_compare(app_on(flow, SCREEN_VISITS), press=["ctrl+g"], terminal_size=SIZE)
