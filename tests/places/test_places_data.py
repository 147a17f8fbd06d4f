"""Drift checks of the shipped places data (no network): checksums and the rules city keys were built with."""

from __future__ import annotations

import gzip
import hashlib
import json
import re
from importlib.resources import files

import pytest

from newsnorm.places._gazetteer import key_rules

_DATA = files("newsnorm").joinpath("data").joinpath("places")
_GENERATED = ("calendar_words.tsv.gz", "cldr_names.tsv.gz", "cities.tsv.gz", "i18n_names.tsv.gz")
_CHECKSUMMED = (*_GENERATED, "us_states.tsv")


def _recorded() -> dict[str, str]:
    text = _DATA.joinpath("SOURCES.md").read_text(encoding="utf-8")
    return dict(re.findall(r"^- `([^`]+)` sha256 ([0-9a-f]{64})$", text, flags=re.M))


@pytest.mark.parametrize("name", _CHECKSUMMED)
def test_shipped_file_has_recorded_sha256(name: str) -> None:
    recorded = _recorded()
    assert name in recorded, f"SOURCES.md records no sha256 of {name}: run scripts/build_places.py"
    digest = hashlib.sha256(_DATA.joinpath(name).read_bytes()).hexdigest()
    assert digest == recorded[name], f"{name} is not the build SOURCES.md records: run scripts/build_places.py"


def _header(name: str) -> dict[str, object]:
    text = gzip.decompress(_DATA.joinpath(name).read_bytes()).decode("utf-8")
    header: dict[str, object] = json.loads(text[: text.index("\n")])
    return header


def test_city_keys_built_with_current_rules() -> None:
    assert _header("cities.tsv.gz")["_rules"] == key_rules(), "fold/stem rules changed since the build: rebuild"


def test_generated_files_name_their_source() -> None:
    for name in _GENERATED:
        assert "build_places.py" in str(_header(name)["_note"])


def test_us_states_name_their_source_and_licence() -> None:
    head = _DATA.joinpath("us_states.tsv").read_text(encoding="utf-8").splitlines()[:3]
    assert "build_places.py" in head[0]
    assert "LGPL" in head[1]


def test_city_keys_index_and_iterate_alike() -> None:
    from newsnorm.places._gazetteer import _cities

    keys = _cities().keys
    listed = list(keys)
    assert len(listed) == len(keys) > 50_000
    assert all(listed[i] == keys[i] for i in range(0, len(keys), 101))
    assert keys[len(keys) - 1] == listed[-1]
    for bad in (-1, len(keys)):
        with pytest.raises(IndexError):
            keys[bad]
