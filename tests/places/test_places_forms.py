"""The capital-run prefilter and lookup's last-resort rules (spelling skeletons, word votes)."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from newsnorm._resources import read_text
from newsnorm.places import lookup
from newsnorm.places._forms import skeleton
from newsnorm.places._gazetteer import gazetteer
from newsnorm.places._match import scan

CASES = Path(__file__).resolve().parent.parent / "cases" / "places"


@pytest.mark.parametrize("lang", ["en", "nl", "tr"])
def test_prefilter_finds_what_the_full_scan_finds(lang: str) -> None:
    g = gazetteer(lang)
    assert g.runs is not None, f"{lang}: every key starts with a capital, the prefilter should be on"
    full = dataclasses.replace(g, runs=None)
    texts = [read_text("sample.txt")]
    path = CASES / f"{lang}.jsonl"
    if path.exists():
        texts += [json.loads(line)["input"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts += ["Côte d'Ivoire and the Democratic Republic of the Congo", "Peking duck in Bosnia and Herzegovina",
              "GAZA STRIP, Feb 8 (AFP)", "the ‘Amman talks", "Israel's army; U.S.-brokered"]  # fmt: skip
    for text in texts:
        assert scan(text, g) == scan(text, full), text


def test_prefilter_off_where_keys_start_in_lower_case() -> None:
    assert gazetteer("fr").runs is None  # "israélien"
    assert gazetteer("de").runs is None  # "türkisch"
    assert gazetteer("hu").runs is None  # "orosz", "amerikaiak"


def test_skeleton() -> None:
    assert skeleton("Côte d'Ivoire") == "cotedivoire"
    assert skeleton("Ar-gen-ti-na") == "argentina"
    assert skeleton("") == ""


@pytest.mark.parametrize(
    ("name", "lang", "code"),
    [
        ("Ar-gen-ti-na", "en", "AR"),  # syllables written apart
        ("Argentinische Republik", "de", "AR"),  # an adjective and a form word
        ("Lenkijos Respublika", "lt", "PL"),  # a genitive and a form word
        ("Poblacht na hAlbáine", "ga", "AL"),  # an Irish initial mutation
        ("הרפובליקה הארגנטינאית", "he", "AR"),  # the article glued in front
    ],
)
def test_lookup_last_resort(name: str, lang: str, code: str) -> None:
    assert lookup(name, lang) == code


@pytest.mark.parametrize("name", ["Republic", "Kingdom of", "Democratic Republic", "Islands", "xyzzy quux"])
def test_lookup_form_words_alone_mean_nothing(name: str) -> None:
    assert lookup(name, "en") is None
