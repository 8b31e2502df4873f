"""Every message in Danish, also what comes from the operating system and from tomllib (issue 14)."""

from __future__ import annotations

import errno
import os
import re
import tomllib
from pathlib import Path

import pytest

from outputs.reporting.os_messages import danish_reason, describe_os_error
from outputs.toml.syntax import _translate, parse_toml

# The messages tomllib can raise, read from its own source: a newer Python with a new message fails here.
TOMLLIB_SOURCE = Path(tomllib.__file__).with_name("_parser.py").read_text(encoding="utf-8")
TOMLLIB_MESSAGES = sorted(
    set(re.findall(r'suffixed_err\(\s*src,\s*[^,]+,\s*f?"([^"]+)"', TOMLLIB_SOURCE))
    | set(re.findall(r"suffixed_err\(\s*src,\s*[^,]+,\s*f?\'([^\']+)\'", TOMLLIB_SOURCE))
)
ERRNOS = [
    errno.EACCES, errno.EPERM, errno.EROFS, errno.ENOSPC, errno.EDQUOT, errno.ENOENT, errno.ENOTDIR,
    errno.EISDIR, errno.ENAMETOOLONG, errno.ELOOP, errno.EIO, errno.EBUSY, errno.EMFILE, errno.ENXIO,
    errno.EFBIG, errno.EAGAIN, errno.EINVAL, errno.ESTALE, errno.EPIPE, errno.ENOLCK, errno.EXDEV,
]  # fmt: skip


def test_tomllib_has_the_messages_this_test_reads() -> None:
    assert len(TOMLLIB_MESSAGES) >= 15 and "Invalid value" in TOMLLIB_MESSAGES


@pytest.mark.parametrize("english", TOMLLIB_MESSAGES)
def test_every_tomllib_message_has_danish_words(english: str) -> None:
    english = english.replace("\\\\", "\\")  # as written in the source: a backslash is doubled
    message, hint = _translate(english.replace("{", "").replace("}", ""))
    assert message != "linjen kan ikke læses (fejl i TOML-syntaksen)", f"no Danish for {english!r}"
    assert not re.search(r"\b(Expected|Invalid|Cannot|Unterminated|Unclosed|Illegal|Found)\b", message + hint)


@pytest.mark.parametrize(
    "text", ["navn = 'abc", "navn = '''abc", "[om\n", "a = 0x", 'a = "\\x"', "a = {b = 1", "[[a]\n", "a = 1\na = 2"]
)
def test_syntax_messages_carry_no_english(text: str) -> None:
    problems = parse_toml(text, "svar.toml").problems
    assert problems
    for problem in problems:
        assert "Expected" not in problem.render() and "TOML-syntaksfejl:" not in problem.render()


@pytest.mark.parametrize("number", ERRNOS, ids=lambda number: errno.errorcode[number])
def test_os_errors_never_pass_on_the_c_librarys_english(number: int) -> None:
    error = OSError(number, os.strerror(number))
    for doing in ("gemmes", "læses før den gemmes", "låses"):
        message = describe_os_error(error, Path("/srv/delt/svar.toml"), doing)
        assert os.strerror(number) not in message and "/srv/delt/svar.toml" in message
    assert os.strerror(number) not in danish_reason(error)


def test_an_unknown_error_number_is_named_not_explained_in_english() -> None:
    error = OSError(errno.EBADMSG, os.strerror(errno.EBADMSG))
    assert danish_reason(error) == "systemet meldte en fejl (EBADMSG)"
