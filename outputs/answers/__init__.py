"""The answers file: read, check, write, template, pre-filled answers, JSON Schema and the flow's origin."""

from __future__ import annotations

from typing import TYPE_CHECKING

from outputs.lazy import lazy_names

if TYPE_CHECKING:
    from outputs.answers.edit import edited_answers_text, readable_for_saving
    from outputs.answers.file import (
        AnswersFileError,
        check_answers_bytes,
        check_answers_file,
        check_answers_text,
        dumps_answers,
        load_answers,
    )
    from outputs.answers.flow_source import (
        FLOWS_FOLDER_VARIABLE,
        find_by_name,
        flows_folders,
        flows_in_folders,
        is_name,
        origin_of,
        remember_origin,
        remembered_source,
        resolve,
    )
    from outputs.answers.json_schema import render_schema
    from outputs.answers.prefill import PrefillError, collect
    from outputs.answers.template import render_filled_template, render_template
    from outputs.answers.version import upgrade_notice

# Where each name lives; a part loads when a name from it is first used (outputs.lazy): the screens need
# reading and saving the answers file; the template, pre-filled answers and the JSON Schema are for commands.
_HOMES = {
    "FLOWS_FOLDER_VARIABLE": "flow_source",
    "AnswersFileError": "file",
    "PrefillError": "prefill",
    "check_answers_bytes": "file",
    "check_answers_file": "file",
    "check_answers_text": "file",
    "collect": "prefill",
    "dumps_answers": "file",
    "edited_answers_text": "edit",
    "find_by_name": "flow_source",
    "flows_folders": "flow_source",
    "flows_in_folders": "flow_source",
    "is_name": "flow_source",
    "load_answers": "file",
    "origin_of": "flow_source",
    "readable_for_saving": "edit",
    "remember_origin": "flow_source",
    "remembered_source": "flow_source",
    "render_filled_template": "template",
    "render_schema": "json_schema",
    "render_template": "template",
    "resolve": "flow_source",
    "upgrade_notice": "version",
}
__getattr__ = lazy_names(__name__, _HOMES)

__all__ = [
    "FLOWS_FOLDER_VARIABLE",
    "AnswersFileError",
    "PrefillError",
    "check_answers_bytes",
    "check_answers_file",
    "check_answers_text",
    "collect",
    "dumps_answers",
    "edited_answers_text",
    "find_by_name",
    "flows_folders",
    "flows_in_folders",
    "is_name",
    "load_answers",
    "origin_of",
    "readable_for_saving",
    "remember_origin",
    "remembered_source",
    "render_filled_template",
    "render_schema",
    "render_template",
    "resolve",
    "upgrade_notice",
]
