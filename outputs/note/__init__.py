"""The note a leader takes to the meeting, and the pages around it: agenda, changes, overview, catalogue, wiki."""

from outputs.note.agenda import Agenda, AgendaItem, meeting_agenda
from outputs.note.catalogue import render_catalogue
from outputs.note.diff import changes_dict, compare, render_diff
from outputs.note.facts import NoteFacts, file_facts
from outputs.note.markdown import HIDDEN_HEADING, MEETING_HEADING, render_markdown, wiki_parser, write_markdown
from outputs.note.overview import Preparation, render_overview
from outputs.note.wiki import WIKI_VARIABLE, WikiError, WikiNote, publish, wiki_folder_from_environment

__all__ = [
    "HIDDEN_HEADING",
    "MEETING_HEADING",
    "WIKI_VARIABLE",
    "Agenda",
    "AgendaItem",
    "NoteFacts",
    "Preparation",
    "WikiError",
    "WikiNote",
    "changes_dict",
    "compare",
    "file_facts",
    "meeting_agenda",
    "publish",
    "render_catalogue",
    "render_diff",
    "render_markdown",
    "render_overview",
    "wiki_folder_from_environment",
    "wiki_parser",
    "write_markdown",
]
