from __future__ import annotations

import dataclasses
import datetime as dt
import json
import pickle

import pytest

from newsnorm import Document, Mention


def make() -> Document:
    m = Mention("number", 3, 5, "42", 42, "42", {"approx": "about"})
    return Document("by 42 ways", "by 42 ways", "en", (m,), dt.date(2024, 2, 8), None)


def test_to_dict_is_plain_json() -> None:
    d = make().to_dict()
    assert json.loads(json.dumps(d)) == d
    assert d["published"] == "2024-02-08"
    assert d["mentions"][0] == {
        "kind": "number", "start": 3, "end": 5, "text": "42", "value": 42, "normalised": "42",
        "attrs": {"approx": "about"},
    }  # fmt: skip


def test_tuple_values_become_lists() -> None:
    m = Mention("number", 0, 1, "x", (1, 2), "1-2")  # type: ignore[arg-type]
    assert m.to_dict()["value"] == [1, 2]


def test_frozen_and_slotted() -> None:
    doc = make()
    with pytest.raises(dataclasses.FrozenInstanceError):
        doc.text = "x"  # type: ignore[misc]
    assert not hasattr(doc, "__dict__")
    assert not hasattr(doc.mentions[0], "__dict__")


@pytest.mark.parametrize("protocol", range(pickle.HIGHEST_PROTOCOL + 1))
def test_pickles(protocol: int) -> None:
    doc = make()
    assert pickle.loads(pickle.dumps(doc, protocol)) == doc


def test_datetime_published_serialises() -> None:
    when = dt.datetime(2024, 2, 8, 10, 30, tzinfo=dt.timezone.utc)
    doc = Document("", "", "und", (), when)
    assert doc.to_dict()["published"] == "2024-02-08T10:30:00+00:00"
