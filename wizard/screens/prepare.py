"""The main screen: one page at a time (a question, the judgement, the summary), with the chrome
that is always there: where you are and how far (top), the live verdict (under the triage),
where the answers are saved (bottom) and the keys (footer).

Every answer goes through the session host's ``change_answers`` (``wizard.session.SessionHost``),
which saves it. A change that would hide questions the leader has answered asks first. Writing
the note from the summary (Enter in its field, Ctrl+L into the wiki) is ``wizard.screens.export``.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widget import Widget
from textual.widgets import Static

from flows import Answers, Verdict, evaluate
from flows.fingerprint import confirmed
from outputs.wording.page_texts import AGREE, explanation, traits_explanation
from outputs.wording.words import display_path, progress_text
from wizard.pages import JUDGEMENT, RESUMED_ON_TEXT, SUMMARY, Page, neighbour, outline, resume_point
from wizard.screens.dialogs import ExplanationScreen, HideAnswersDialog
from wizard.screens.export import NoteExport
from wizard.screens.outline import OutlineScreen
from wizard.screens.verdict import VerdictScreen
from wizard.session import hidden_by, with_value
from wizard.widgets.choices import ChoiceList
from wizard.widgets.judgement_page import JudgementPage
from wizard.widgets.key_footer import KeyFooter
from wizard.widgets.mark import MarkToggle
from wizard.widgets.question_page import QuestionPage
from wizard.widgets.verdict_panel import VerdictPanel

if TYPE_CHECKING:
    from textual.widgets import TextArea

    from wizard.widgets.text_answer import AnswerText

SUMMARY_EXPLANATION = (
    "Her ser du, hvad du har svaret, og noten, som den bliver gemt. Noten er en Markdown-fil, som du kan lægge i "
    "projektets wiki eller sende til mødets deltagere.\n\n"
    "Kun svar på spørgsmål, der er relevante efter dine svar, kommer med. Spørgsmål, du har markeret til drøftelse, "
    "og dine noter står samlet, så de er lette at tage op på mødet.\n\n"
    "Med Ctrl+L lægger du noten i projektets wiki i ét skridt, når IT har sat KERNEOPGAVE_WIKI op "
    "(noten og oversigten committes og sendes).\n\n"
    "Du kan gå tilbage og ændre svar når som helst (Ctrl+P eller Ctrl+O); eksportér bagefter igen."
)


class PrepareScreen(NoteExport):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+n", "next", "Næste", key_display="^N", priority=True),
        Binding("ctrl+p", "previous", "Forrige", key_display="^P", priority=True),
        Binding("pagedown", "page_forward", show=False, priority=True),
        Binding("pageup", "page_back", show=False, priority=True),
        Binding("ctrl+o", "outline", "Oversigt", key_display="^O", priority=True),
        Binding("ctrl+f,f1", "explain", "Forklaring", key_display="^F", priority=True),
        Binding("ctrl+t", "discuss", "Drøftelse", key_display="^T", priority=True),
        Binding("ctrl+r", "reasons", "Begrundelse", show=False, priority=True),
        Binding("ctrl+s", "app.save_as", "Gem som", show=False, priority=True),
        Binding("ctrl+l", "wiki", "Wiki", key_display="^L", priority=True),
        Binding("enter", "next", show=False),
    ]

    def __init__(self, page: Page | None = None) -> None:
        super().__init__()
        self.first_page = page  # None: where the leader left off (found on mount)
        self.page: Page = SUMMARY  # the page shown; set by show_page before anything reads it

    # -- layout ----------------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        with Horizontal(id="topbar"):
            yield Static("", id="where", markup=False)
            yield Static("", id="progress", markup=False)
        yield VerticalScroll(id="page", can_focus=False)
        yield VerdictPanel(id="verdict")
        yield Static("", id="save-status", markup=False)
        yield KeyFooter()

    async def on_mount(self) -> None:
        self.watch(self.app, "save_status", self._show_save_status)
        if self.first_page is not None:
            await self.show_page(self.first_page)
            return
        page, maybe_cut_off = resume_point(self.preparation.evaluation)
        await self.show_page(page)
        if maybe_cut_off:
            self.notify(RESUMED_ON_TEXT, title="Du fortsætter her", timeout=12)

    def _show_save_status(self, status: str) -> None:
        line = self.query_one("#save-status", Static)
        line.update(status)
        line.set_class(bool(self.preparation and self.preparation.error), "error")

    async def show_page(self, page: Page) -> None:
        """Build ``page`` and focus its first field."""
        self.host.save_soon()  # a text answer still waiting for its save goes to disk as soon as the page is drawn
        self.page = page
        body = self.query_one("#page", VerticalScroll)
        shown = body.children[0] if body.children else None
        if page.kind == "spørgsmål" and isinstance(shown, QuestionPage):
            await shown.show(self.flow.questions[page.asked], self.preparation.answers)  # the fast way
        else:
            await body.remove_children()
            await body.mount(self._build(page))
        body.scroll_home(animate=False)
        self._refresh_chrome()
        first = {"spørgsmål": "#answer", "vurdering": "#judgement", "sammenfatning": "#export-path"}[page.kind]
        # The summary starts at its top (the verdict), not scrolled to its export field.
        self.query_one(first).focus(scroll_visible=page != SUMMARY)
        if page == SUMMARY:  # once laid out too: opening a finished file lands here before the first layout
            self.call_after_refresh(body.scroll_home, animate=False)

    def _build(self, page: Page) -> Widget:
        preparation = self.preparation
        if page.kind == "spørgsmål":
            question = self.flow.questions[page.asked]
            return QuestionPage(self.flow, question, preparation.answers)
        if page.kind == "vurdering":
            return JudgementPage(self.flow, preparation.answers, preparation.evaluation)
        from wizard.widgets.summary_page import SummaryPage  # the Markdown preview: loaded when first needed

        return SummaryPage(self.flow, preparation.answers, preparation.evaluation, preparation.path)

    def _refresh_chrome(self) -> None:
        evaluation = self.preparation.evaluation
        page = self.page
        if page.kind == "spørgsmål":
            where = self.flow.section_of(page.asked).title
            progress = progress_text(evaluation, page.asked, self.flow)
        elif page.kind == "vurdering":
            where, progress = "Din vurdering og trækkene", progress_text(evaluation, None, self.flow)
        else:
            where, progress = "Sammenfatning og eksport", progress_text(evaluation, None, self.flow)
        self.host.where = where  # named in the goodbye
        self.query_one("#where", Static).update(where)
        self.query_one("#progress", Static).update(progress)
        panel = self.query_one("#verdict", VerdictPanel)
        on_triage = page.kind == "spørgsmål" and self.flow.section_of(page.asked).id == self.flow.triage.section
        panel.display = on_triage
        if on_triage:
            panel.show(self.flow, evaluation)
        self.refresh_bindings()

    # -- moving ----------------------------------------------------------------------------------------

    async def go(self, step: int) -> None:
        target = neighbour(self.flow, self.preparation.evaluation, self.page, step)
        if target is None:
            self.app.bell()
            return
        await self.show_page(target)

    async def action_next(self) -> None:
        await self.go(1)

    async def action_previous(self) -> None:
        await self.go(-1)

    async def action_page_forward(self) -> None:
        """Page Down turns the page; on the summary it scrolls the note instead."""
        body = self.query_one("#page", VerticalScroll)
        if self.page == SUMMARY:
            from wizard.widgets.summary_page import SummaryPage

            for summary in self.query(SummaryPage):  # the preview is built when first needed
                building = summary.add_preview()
                if building is not None:
                    await building
            body.scroll_page_down(animate=False)
        else:
            await self.go(1)

    async def action_page_back(self) -> None:
        body = self.query_one("#page", VerticalScroll)
        if self.page == SUMMARY and body.scroll_y > 0:
            body.scroll_page_up(animate=False)
        else:
            await self.go(-1)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "discuss":  # only a question can be marked; the footer hides the key elsewhere
            return self.page.kind == "spørgsmål"
        if action == "wiki":  # the note goes to the wiki from the summary, where it is shown
            return self.page == SUMMARY
        return True

    def action_outline(self) -> None:
        entries = outline(self.flow, self.preparation.evaluation, self.preparation.answers)
        current = 0
        for index, entry in enumerate(entries):
            if entry.page == self.page or (
                entry.page.kind == "spørgsmål"
                and self.page.kind == "spørgsmål"
                and self.flow.section_of(entry.page.asked).id == self.flow.section_of(self.page.asked).id
            ):
                current = index

        async def jump(page: Page | None) -> None:
            if page is not None:
                await self.show_page(page)

        self.app.push_screen(OutlineScreen(entries, current), jump)

    def action_explain(self) -> None:
        if self.page.kind == "spørgsmål":
            question = self.flow.questions[self.page.asked]
            heading, text = question.text, explanation(self.flow, question)
        elif self.page == JUDGEMENT:
            heading, text = "Din vurdering og trækkene", traits_explanation(self.flow)
        else:
            heading, text = "Sammenfatning og eksport", SUMMARY_EXPLANATION
        self.app.push_screen(ExplanationScreen(heading, text))

    def action_discuss(self) -> None:
        if self.page.kind == "spørgsmål":
            self.query_one("#discuss", MarkToggle).action_toggle_mark()

    def action_reasons(self) -> None:
        self.app.push_screen(VerdictScreen())

    # -- changing answers ------------------------------------------------------------------------------

    def propose(self, answers: Answers, then_advance: bool = False) -> None:
        """Take ``answers`` now, or after the leader agreed to hide the answered questions it hides."""
        preparation = self.preparation
        after = evaluate(self.flow, answers)
        lost = hidden_by(preparation.evaluation, after)

        async def finish(choice: str | None) -> None:
            if choice != "skift":
                await self.show_page(self.page)  # put the old answer back on the screen
                return
            self.host.change_answers(answers, evaluation=after)
            self._refresh_chrome()
            if then_advance:
                await self._advance_within_page()

        if not lost:
            self.host.change_answers(answers, evaluation=after)
            self._refresh_chrome()
            if then_advance:
                self.call_later(self._advance_within_page)
            return
        if isinstance(self.focused, ChoiceList):
            self.focused.show_pick()  # Enter leaves drawing the pick to us; it shows behind the question
        texts = [self.flow.questions[question_id].text for question_id in lost]
        self.app.push_screen(HideAnswersDialog(texts, display_path(preparation.path)), finish)

    async def _advance_within_page(self) -> None:
        """Enter moves to the next field of the judgement page, and from a question to the next page."""
        if self.page == JUDGEMENT and self.focused is not None and self.focused.id == "judgement":
            self.query_one("#judgement-reason").focus()
            return
        await self.go(1)

    @on(ChoiceList.Chosen, "#answer")
    def _answer_chosen(self, event: ChoiceList.Chosen) -> None:
        event.stop()
        question_id = self.page.asked
        if event.advance:  # Enter on the answer (the same one too): the leader has seen the question as it is now
            self.host.change_answers(confirmed(self.flow, self.preparation.answers, question_id))
        if event.choice_list.multiple and event.advance:
            if event.value == self.preparation.answers.values.get(question_id, ()):
                self.call_later(self.go, 1)  # Enter on ticked options only moves on
                return
            # Nothing was ticked, so Enter ticked the highlighted option (as on a one-choice list): say so.
            picked = event.value if isinstance(event.value, tuple) else ()
            label = ", ".join(self.flow.questions[question_id].label_of(option) for option in picked)
            self.notify(f"Du har valgt »{label}«. Vil du vælge flere, så gå tilbage (Ctrl+P) og brug Mellemrum.")
        self.propose(with_value(self.preparation.answers, question_id, event.value), event.advance)

    # Text areas are handled by name, not with @on(AnswerText...): this module then need not
    # load Textual's TextArea before the first screen (see wizard.widgets.text_answer).
    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        if event.text_area.id == "answer":
            text = event.text_area.text.strip()
            answers = with_value(self.preparation.answers, self.page.asked, text)
            self.host.change_answers(answers, typing=True)
            self._refresh_chrome()
        elif event.text_area.id == "judgement-reason":
            answers = replace(self.preparation.answers, judgement_reason=event.text_area.text.strip())
            self.host.change_answers(answers, typing=True)
        elif event.text_area.id == "note":
            notes = {**self.preparation.answers.notes, self.page.asked: event.text_area.text.strip()}
            notes = {question_id: note for question_id, note in notes.items() if note}  # an emptied note is gone
            self.host.change_answers(replace(self.preparation.answers, notes=notes), typing=True)

    async def on_answer_text_submitted(self, event: AnswerText.Submitted) -> None:
        event.stop()
        if event.text_area.id == "judgement-reason":
            self.query_one("#traits").focus()
            return
        self.host.change_answers(confirmed(self.flow, self.preparation.answers, self.page.asked))
        await self.go(1)

    @on(MarkToggle.Toggled, "#discuss")
    def _discuss_toggled(self, event: MarkToggle.Toggled) -> None:
        answers = self.preparation.answers
        question_id = self.page.asked
        discuss = answers.discuss | {question_id} if event.checked else answers.discuss - {question_id}
        self.host.change_answers(replace(answers, discuss=frozenset(discuss)))

    @on(ChoiceList.Chosen, "#judgement")
    def _judgement_chosen(self, event: ChoiceList.Chosen) -> None:
        event.stop()
        # "Jeg er enig" is saved as the verdict it agrees with, so the file says what the screen showed.
        verdict = self.preparation.evaluation.verdict
        judgement: Verdict | None
        if event.value == AGREE:
            judgement = verdict if verdict is not Verdict.UNRESOLVED else None
        else:
            judgement = Verdict(event.single)
        self.propose(replace(self.preparation.answers, judgement=judgement), event.advance)

    @on(ChoiceList.Chosen, "#traits")
    def _traits_chosen(self, event: ChoiceList.Chosen) -> None:
        event.stop()
        if event.advance:
            if not event.value:  # "no traits" is an answer of its own: Enter keeps it, and says so
                self.notify("Du har ikke valgt nogen træk: mødet drøfter ingen af dem. Mellemrum vælger et træk.")
            self.call_later(self.go, 1)
            return
        self.propose(replace(self.preparation.answers, traits=event.several))
