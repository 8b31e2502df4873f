"""The answers file: read, check, write, template, pre-filled answers, JSON Schema and the flow's origin."""

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
