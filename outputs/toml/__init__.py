"""The one TOML text layer for answers files and flow files: decoding, Danish syntax errors, positions, editing."""

from outputs.toml.decode import BOM, MAX_FILE_BYTES, clean_text, decode, read_limited
from outputs.toml.edit import edit_toml
from outputs.toml.layout import KeyPath, Layout, LazyLayout
from outputs.toml.syntax import parse_toml
from outputs.toml.write import comment, string, string_array

__all__ = [
    "BOM",
    "MAX_FILE_BYTES",
    "KeyPath",
    "Layout",
    "LazyLayout",
    "clean_text",
    "comment",
    "decode",
    "edit_toml",
    "parse_toml",
    "read_limited",
    "string",
    "string_array",
]
