"""Hypothesis strategies that break a valid answers file the ways files really break:
cut off, overwritten with random bytes, nested too deep, huge, full of control
characters, wrongly encoded, or with a value of the wrong type in any position."""

from __future__ import annotations

import re

from hypothesis import strategies as st

WRONG_TYPED_VALUES = [
    "1",
    "-0.5",
    "true",
    "1979-05-27T07:32:00Z",
    "07:32:00",
    "[]",
    '["ja", 1]',
    "{}",
    '{ a = "b" }',
    '"""flere\nlinjer"""',
    "'''rå'''",
    '"\\u001b[31mrød\\u0007"',
    '"\\u001b]52;c;aGVq\\u0007"',
    "inf",
    "nan",
    "0x1F",
    '""',
]

_VALUE_LINE = re.compile(rb"^([A-Za-z0-9_-]+\s*=\s*)(.+)$", re.MULTILINE)


def truncated(base: bytes) -> st.SearchStrategy[bytes]:
    return st.integers(0, len(base)).map(lambda cut: base[:cut])


def overwritten(base: bytes) -> st.SearchStrategy[bytes]:
    return st.tuples(st.integers(0, len(base)), st.binary(min_size=1, max_size=40)).map(
        lambda pair: base[: pair[0]] + pair[1] + base[pair[0] + len(pair[1]) :]
    )


def inserted(base: bytes) -> st.SearchStrategy[bytes]:
    return st.tuples(st.integers(0, len(base)), st.binary(min_size=1, max_size=40)).map(
        lambda pair: base[: pair[0]] + pair[1] + base[pair[0] :]
    )


def wrong_type(base: bytes) -> st.SearchStrategy[bytes]:
    """Replace the value on one ``key = value`` line by a value of another type."""
    lines = list(_VALUE_LINE.finditer(base))

    def replace(pair: tuple[int, str]) -> bytes:
        match = lines[pair[0] % len(lines)]
        return base[: match.start(2)] + pair[1].encode() + base[match.end(2) :]

    return st.tuples(st.integers(0, 10_000), st.sampled_from(WRONG_TYPED_VALUES)).map(replace)


def deep_nesting(base: bytes) -> st.SearchStrategy[bytes]:
    return st.integers(50, 20_000).map(lambda depth: base + b"\n[triage]\nglider-ind = " + b"[" * depth + b"]" * depth)


def huge_string(base: bytes) -> st.SearchStrategy[bytes]:
    return st.sampled_from([30_000, 2_000_000]).map(lambda size: base + b'\n[noter]\nnavn = "' + b"x" * size + b'"\n')


def control_characters(base: bytes) -> st.SearchStrategy[bytes]:
    controls = st.sampled_from([bytes([code]) for code in [*range(0, 9), 11, 12, *range(14, 32), 127]])
    return st.tuples(st.integers(0, len(base)), controls).map(lambda p: base[: p[0]] + p[1] + base[p[0] :])


def bad_encoding(base: bytes) -> st.SearchStrategy[bytes]:
    return st.sampled_from(
        [
            base.decode().encode("latin-1", errors="replace"),
            base.decode().encode("utf-16"),
            b"\xef\xbb\xbf" + base,
            base.replace(b"\n", b"\r\n"),
            base.replace(b"\n", b"\r"),
            base + b"\xff\xfe\x00",
        ]
    )


def mutated(base: bytes) -> st.SearchStrategy[bytes]:
    return st.one_of(
        truncated(base),
        overwritten(base),
        inserted(base),
        wrong_type(base),
        deep_nesting(base),
        huge_string(base),
        control_characters(base),
        bad_encoding(base),
    )
