from __future__ import annotations

import sys
import textwrap
from collections.abc import Iterator
from importlib.metadata import EntryPoint
from pathlib import Path

import pytest

import newsnorm
from newsnorm import NormaliserLoadError, UnknownNormaliserError
from newsnorm._registry import GROUP, Registry, default_registry


def points(**targets: str) -> list[EntryPoint]:
    return [EntryPoint(name, value, GROUP) for name, value in targets.items()]


def test_builtins_are_registered_through_the_entry_point_group() -> None:
    assert {"places", "dates", "numbers", "titles"} <= set(newsnorm.available())
    assert newsnorm.get("dates").kind == "date"
    assert newsnorm.get("places").name == "places"


def test_unknown_name_lists_what_exists() -> None:
    with pytest.raises(UnknownNormaliserError) as info:
        newsnorm.get("plaeces")
    assert "'plaeces'" in str(info.value)
    assert "Available names: " + ", ".join(newsnorm.available()) in str(info.value)
    assert "dates, numbers, places, titles" in str(info.value).replace("currency, ", "")
    assert isinstance(info.value, LookupError)
    assert isinstance(info.value, ValueError)


def test_empty_registry_says_none() -> None:
    with pytest.raises(UnknownNormaliserError, match="Available names: none"):
        Registry(entry_points=[]).get("x")


def test_name_must_be_a_string() -> None:
    with pytest.raises(TypeError):
        newsnorm.get(3)  # type: ignore[arg-type]


def test_broken_plugin_fails_only_when_used() -> None:
    reg = Registry(entry_points=points(broken="no_such_module_xyz:Thing", toy="toys:Digits"))
    assert reg.names() == ["broken", "toy"]  # listing imports nothing
    assert reg.get("toy").kind == "number"
    with pytest.raises(NormaliserLoadError, match=r"'broken'.*no_such_module_xyz.*ModuleNotFoundError"):
        reg.get("broken")
    assert reg.get("toy").name == "toy-digits"  # still fine afterwards


def test_bad_options_name_the_normaliser() -> None:
    reg = Registry(entry_points=points(toy="toys:Digits"))
    with pytest.raises(TypeError, match="'toy'"):
        reg.get("toy", colour="red")


def test_factory_that_builds_no_normaliser() -> None:
    reg = Registry(entry_points=points(notone="builtins:object"))
    with pytest.raises(NormaliserLoadError, match="lacks"):
        reg.get("notone")


def test_factory_is_loaded_once() -> None:
    reg = Registry(entry_points=points(toy="toys:Digits"))
    assert reg.factory("toy") is reg.factory("toy")


@pytest.fixture
def installed_plugin(tmp_path: Path) -> Iterator[str]:
    """A real distribution with an entry point, found by importlib.metadata on sys.path."""
    (tmp_path / "nn_toy_plugin.py").write_text(
        textwrap.dedent(
            """
            from newsnorm import Mention, NormaliserBase

            class Shout(NormaliserBase):
                kind = "shout"
                name = "shout"

                def __init__(self, word="HEY"):
                    self.word = word

                def find(self, doc):
                    start = doc.source.find(self.word)
                    if start >= 0:
                        yield Mention("shout", start, start + len(self.word), self.word, self.word.lower(), self.word)
            """
        )
    )
    info = tmp_path / "nn_toy_plugin-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: nn-toy-plugin\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text(f"[{GROUP}]\nshout = nn_toy_plugin:Shout\n")
    sys.path.insert(0, str(tmp_path))
    default_registry().refresh()
    try:
        yield "shout"
    finally:
        sys.path.remove(str(tmp_path))
        sys.modules.pop("nn_toy_plugin", None)
        default_registry().refresh()


def test_third_party_plugin_end_to_end(installed_plugin: str) -> None:
    assert installed_plugin in newsnorm.available()
    plugin = newsnorm.get(installed_plugin, word="HEY")
    doc = newsnorm.Pipeline(["numbers", installed_plugin])("HEY you", lang="en")
    assert [(m.kind, m.value) for m in doc.mentions] == [("shout", "hey")]
    assert plugin.kind == "shout"
    # installing a plugin does not change what normalise() runs
    assert all(m.kind != "shout" for m in newsnorm.normalise("HEY you", lang="en").mentions)
