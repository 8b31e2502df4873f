"""The note a leader takes to the meeting, and the pages around it: agenda, changes, overview, catalogue, wiki."""

from __future__ import annotations

from typing import TYPE_CHECKING

from outputs.lazy import lazy_names

if TYPE_CHECKING:
    from outputs.note.agenda import Agenda, AgendaItem, meeting_agenda
    from outputs.note.catalogue import render_catalogue
    from outputs.note.diff import changes_dict, compare, render_diff
    from outputs.note.facts import NoteFacts, file_facts
    from outputs.note.markdown import HIDDEN_HEADING, MEETING_HEADING, render_markdown, wiki_parser, write_markdown
    from outputs.note.overview import Preparation, render_overview
    from outputs.note.preparations_here import FolderEntry, preparations_in
    from outputs.note.wiki import WIKI_VARIABLE, WikiError, WikiNote, publish, wiki_folder_from_environment

# Where each name lives; a part loads when a name from it is first used (outputs.lazy): the screens need
# the agenda and the file's facts at start; the Markdown renderer, git and the wiki only for an export.
_HOMES = {
    "HIDDEN_HEADING": "markdown",
    "MEETING_HEADING": "markdown",
    "WIKI_VARIABLE": "wiki",
    "Agenda": "agenda",
    "AgendaItem": "agenda",
    "FolderEntry": "preparations_here",
    "NoteFacts": "facts",
    "Preparation": "overview",
    "WikiError": "wiki",
    "WikiNote": "wiki",
    "changes_dict": "diff",
    "compare": "diff",
    "file_facts": "facts",
    "meeting_agenda": "agenda",
    "preparations_in": "preparations_here",
    "publish": "wiki",
    "render_catalogue": "catalogue",
    "render_diff": "diff",
    "render_markdown": "markdown",
    "render_overview": "overview",
    "wiki_folder_from_environment": "wiki",
    "wiki_parser": "markdown",
    "write_markdown": "markdown",
}
__getattr__ = lazy_names(__name__, _HOMES)

__all__ = [
    "HIDDEN_HEADING",
    "MEETING_HEADING",
    "WIKI_VARIABLE",
    "Agenda",
    "AgendaItem",
    "FolderEntry",
    "NoteFacts",
    "Preparation",
    "WikiError",
    "WikiNote",
    "changes_dict",
    "compare",
    "file_facts",
    "meeting_agenda",
    "preparations_in",
    "publish",
    "render_catalogue",
    "render_diff",
    "render_markdown",
    "render_overview",
    "wiki_folder_from_environment",
    "wiki_parser",
    "write_markdown",
]
