"""The shared Latin-1 shortcuts give what ``str`` gives."""

from __future__ import annotations

import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsnorm import _latin1
from newsnorm._latin1 import LOWER, latin1_bytes, lower_bytes


def test_latin1_table_is_str_lower() -> None:
    for b in range(256):
        assert chr(LOWER[b]) == chr(b).lower()


@pytest.mark.parametrize("text", ["Ein Ärger: 1.500 Menschen", "ÉTÉ 2024: TRES MIL", "plain 5 and five", "über ’5’ €"])
def test_size_guess_tells_latin1_text(text: str) -> None:
    latin1 = not text.isascii() and max(text) <= "\u00ff"
    assert (sys.getsizeof(text) - len(text) == _latin1._LATIN1_SIZE) == latin1


def test_latin1_bytes_of_ascii_latin1_and_other_text() -> None:
    assert latin1_bytes("plain 5") == b"plain 5"
    assert latin1_bytes("5 éf") == "5 éf".encode("latin-1")
    assert latin1_bytes("5 \u2019five\u2019") is None
    assert latin1_bytes("Москва 5") is None
    assert latin1_bytes("") == b""


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40))
def test_latin1_bytes_and_lowering_are_str_ones(text: str) -> None:
    raw = latin1_bytes(text)
    if max(text, default="\x00") <= "\u00ff":
        assert raw == text.encode("latin-1")
        assert lower_bytes(raw) == text.lower()
    else:
        assert raw is None
