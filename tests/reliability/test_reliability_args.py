"""Bad arguments raise TypeError/ValueError saying what was expected, on every public entry point.

``tests/test_args.py`` and ``tests/test_lang.py`` cover ``newsnorm.normalise``;
these extend the same checks to pipelines, each normaliser called alone,
``headline`` and the registry.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, cast

import pytest

import newsnorm

NAMES = ["places", "dates", "numbers", "titles"]


def entry_points() -> list[tuple[str, Callable[..., Any]]]:
    points: list[tuple[str, Callable[..., Any]]] = [
        ("normalise", newsnorm.normalise),
        ("Pipeline", newsnorm.Pipeline(NAMES)),
        ("empty Pipeline", newsnorm.Pipeline([])),
    ]
    # a normaliser object called alone (NormaliserBase.__call__)
    points += [(f"get({name!r})", cast("Callable[..., Any]", newsnorm.get(name))) for name in NAMES]
    points += [(f"Pipeline([{name!r}])", newsnorm.Pipeline([name])) for name in NAMES]
    return points


POINTS = entry_points()
IDS = [name for name, _ in POINTS]


@pytest.mark.parametrize(("name", "call"), POINTS, ids=IDS)
@pytest.mark.parametrize("lang", [123, 1.5, b"en", ["en"], object()], ids=["int", "float", "bytes", "list", "object"])
def test_lang_of_wrong_type(name: str, call: Callable[..., Any], lang: object) -> None:
    with pytest.raises(TypeError, match=r"'lang' must be an ISO 639-1 code or BCP 47 tag"):
        call("On Thursday 27,840 people left Turkey.", lang=lang)


@pytest.mark.parametrize(("name", "call"), POINTS, ids=IDS)
@pytest.mark.parametrize("lang", ["xx-nonsense", "english", "e", "12", "en--US", "zz"])
def test_lang_not_a_language(name: str, call: Callable[..., Any], lang: str) -> None:
    with pytest.raises(ValueError, match=r"'lang' must be an ISO 639-1 code or BCP 47 tag.*got"):
        call("On Thursday 27,840 people left Turkey.", lang=lang)


@pytest.mark.parametrize(("name", "call"), POINTS, ids=IDS)
@pytest.mark.parametrize("published", ["yesterday", "last Thursday", "08/02/2024", "2024-02-30", "2024-13"])
def test_published_not_iso(name: str, call: Callable[..., Any], published: str) -> None:
    with pytest.raises(ValueError, match=r"'published' must be .*ISO 8601.*got"):
        call("On Thursday 27,840 people left Turkey.", lang="en", published=published)


@pytest.mark.parametrize(("name", "call"), POINTS, ids=IDS)
@pytest.mark.parametrize("published", [20240208, b"2024-02-08", ("2024", 2, 8)], ids=["int", "bytes", "tuple"])
def test_published_of_wrong_type(name: str, call: Callable[..., Any], published: object) -> None:
    with pytest.raises(TypeError, match=r"'published' must be a datetime.date"):
        call("On Thursday 27,840 people left Turkey.", lang="en", published=published)


@pytest.mark.parametrize(("name", "call"), POINTS, ids=IDS)
@pytest.mark.parametrize("text", [b"Turkey", bytearray(b"Turkey"), memoryview(b"x"), None, 42, ["Turkey"]])
def test_text_not_str(name: str, call: Callable[..., Any], text: object) -> None:
    with pytest.raises(TypeError, match=r"'text' must be a str"):
        call(text, lang="en")


@pytest.mark.parametrize(("name", "call"), POINTS, ids=IDS)
def test_bytes_say_how_to_decode(name: str, call: Callable[..., Any]) -> None:
    with pytest.raises(TypeError, match=r"decode"):
        call("Türkiye".encode(), lang="en")


@pytest.mark.parametrize("title", [b"Turkey votes", None, 12, ["a"]])
def test_headline_title_not_str(title: object) -> None:
    with pytest.raises(TypeError, match=r"'title' must be a str"):
        newsnorm.headline(title)  # type: ignore[arg-type]


@pytest.mark.parametrize("case", ["upper", "Title", "", 1])
def test_headline_bad_case(case: object) -> None:
    with pytest.raises((TypeError, ValueError), match=r"case"):
        newsnorm.headline("turkey votes on thursday", lang="en", case=case)  # type: ignore[arg-type]


@pytest.mark.parametrize(("lang", "error"), [(123, TypeError), ("xx-nonsense", ValueError)])
def test_headline_bad_lang(lang: object, error: type[Exception]) -> None:
    with pytest.raises(error, match=r"'lang' must be"):
        newsnorm.headline("turkey votes on thursday", lang=lang, case="title")  # type: ignore[arg-type]


def test_unknown_normaliser_lists_the_names() -> None:
    with pytest.raises(ValueError, match=r"no normaliser named 'plaecs'.*Available names: .*dates.*places"):
        newsnorm.get("plaecs")


@pytest.mark.parametrize("name", [123, None, b"places"])
def test_normaliser_name_not_str(name: object) -> None:
    with pytest.raises(TypeError, match=r"must be a str"):
        newsnorm.get(name)  # type: ignore[arg-type]


@pytest.mark.parametrize("name", NAMES)
def test_unknown_option_is_named(name: str) -> None:
    with pytest.raises((TypeError, ValueError), match=r"no_such_option"):
        newsnorm.get(name, no_such_option=True)


@pytest.mark.parametrize("step", [123, None, b"places", object()], ids=["int", "None", "bytes", "object"])
def test_pipeline_step_of_wrong_type(step: object) -> None:
    with pytest.raises(TypeError, match=r"a pipeline step must be a registered name"):
        newsnorm.Pipeline([step])  # type: ignore[list-item]


def test_pipeline_unknown_name() -> None:
    with pytest.raises(ValueError, match=r"Available names"):
        newsnorm.Pipeline(["places", "nope"])
