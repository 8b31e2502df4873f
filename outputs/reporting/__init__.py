"""Problems located in a file, the operating system's words in Danish, text safe for a terminal."""

from outputs.reporting.os_messages import (
    NotAFileError,
    SaveError,
    danish_reason,
    describe_os_error,
    kind_of_file,
    working_folder_gone,
)
from outputs.reporting.problems import ERROR, WARNING, Problem, Severity, counts, has_errors, in_file_order
from outputs.reporting.terminal_safe import BEYOND_C0, printable, quoted

__all__ = [
    "BEYOND_C0",
    "ERROR",
    "WARNING",
    "NotAFileError",
    "Problem",
    "SaveError",
    "Severity",
    "counts",
    "danish_reason",
    "describe_os_error",
    "has_errors",
    "in_file_order",
    "kind_of_file",
    "printable",
    "quoted",
    "working_folder_gone",
]
