from __future__ import annotations

import datetime as dt

import pytest

import newsnorm
from newsnorm._args import parse_published


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, None),
        ("2024-02-08", dt.date(2024, 2, 8)),
        ("2024-02-08T10:30:00", dt.datetime(2024, 2, 8, 10, 30)),
        ("2024-02-08T10:30:00Z", dt.datetime(2024, 2, 8, 10, 30, tzinfo=dt.timezone.utc)),
        ("2024-02-08 10:30+01:00", dt.datetime(2024, 2, 8, 10, 30, tzinfo=dt.timezone(dt.timedelta(hours=1)))),
        (dt.date(2024, 2, 8), dt.date(2024, 2, 8)),
        (dt.datetime(2024, 2, 8, 9), dt.datetime(2024, 2, 8, 9)),
    ],
)
def test_published_accepted(value: object, expected: object) -> None:
    assert parse_published(value) == expected


@pytest.mark.parametrize("value", ["yesterday", "08/02/2024", "2024-13-01", ""])
def test_published_bad_string(value: str) -> None:
    with pytest.raises(ValueError, match="ISO 8601"):
        newsnorm.normalise("x", lang="en", published=value)


@pytest.mark.parametrize("value", [20240208, 2024.0, b"2024-02-08", ["2024-02-08"]])
def test_published_bad_type(value: object) -> None:
    with pytest.raises(TypeError, match="'published' must be"):
        newsnorm.normalise("x", lang="en", published=value)


@pytest.mark.parametrize("value", [b"bytes", None, 42, ["text"]])
def test_text_must_be_str(value: object) -> None:
    with pytest.raises(TypeError, match="'text' must be a str"):
        newsnorm.normalise(value, lang="en")  # type: ignore[arg-type]


def test_bytes_hint() -> None:
    with pytest.raises(TypeError, match="decode"):
        newsnorm.normalise(b"x")  # type: ignore[arg-type]
