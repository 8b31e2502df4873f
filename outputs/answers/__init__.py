from outputs.answers.edit import edited_answers_text, readable_for_saving
from outputs.answers.file import (
    AnswersFileError,
    check_answers_bytes,
    check_answers_file,
    check_answers_text,
    dumps_answers,
    load_answers,
)
from outputs.answers.json_schema import render_schema
from outputs.answers.prefill import PrefillError, collect
from outputs.answers.template import render_filled_template, render_template
from outputs.answers.version import upgrade_notice

__all__ = [
    "AnswersFileError",
    "PrefillError",
    "check_answers_bytes",
    "check_answers_file",
    "check_answers_text",
    "collect",
    "dumps_answers",
    "edited_answers_text",
    "load_answers",
    "readable_for_saving",
    "render_filled_template",
    "render_schema",
    "render_template",
    "upgrade_notice",
]
