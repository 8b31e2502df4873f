"""Broken answers files against the headless commands: always a clear answer, never a
traceback, never a change to the file (issue 6: bad files, found by a fuzzer)."""

from __future__ import annotations

import contextlib
import hashlib
import io
import re
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings

from flows import Answers, default_flow
from outputs.answers.file import dumps_answers
from tests.flows import cases
from tests.hostile.mutations import mutated
from wizard.cli import main

FLOW = default_flow()
BASE = dumps_answers(
    FLOW,
    Answers(
        values=cases.SCREEN_VISITS,
        notes={"kontakt-aendres": "Hvad med borgere med demens?"},
        discuss=frozenset({"kontakt-aendres"}),
    ),
).encode()
# A located message: FILE:LINE:COL: fejl|advarsel: ...
LOCATED = re.compile(r"^.+:\d+:\d+: (fejl|advarsel): .+", re.MULTILINE)
COMMANDS = (["check"], ["check", "--json"], ["status"], ["status", "--json"], ["export"])


def run(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(argv)
    return code, out.getvalue(), err.getvalue()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(mutated(BASE))
def test_every_broken_file_gets_a_clear_answer_and_stays_untouched(content):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "svar.toml"
        path.write_bytes(content)
        before = hashlib.sha256(content).hexdigest()
        for command in COMMANDS:
            code, out, err = run([*command, str(path)])
            assert "Traceback" not in out + err
            assert code in (0, 1), (command, code, err)
            if code == 1:
                if "--json" in command:
                    assert '"severity": "error"' in out, out[:500]
                else:
                    assert LOCATED.search(err) or LOCATED.search(out), (command, err[:500])
            assert hashlib.sha256(path.read_bytes()).hexdigest() == before, command
        assert sorted(p.name for p in Path(folder).iterdir()) == ["svar.toml"]


def test_the_unbroken_base_file_is_clean():
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "svar.toml"
        path.write_bytes(BASE)
        assert run(["check", str(path)])[0] == 0
