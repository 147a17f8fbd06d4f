"""Options, errors, pickling, odd input and the shipped data of the titles normaliser."""

from __future__ import annotations

import pickle
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newsnorm
from newsnorm import Document
from newsnorm._pipeline import apply_edits
from newsnorm.titles import TitlesNormaliser, headline, lower, upper

ROOT = Path(__file__).resolve().parent.parent.parent

SAMPLE = (
    "Hamas 'open' to more ceasefire talks: Palestinian official\n\n"
    "Hamas 'open' to more ceasefire talks: Palestinian official\n\n"
    "GAZA STRIP\n\n"
    "Israel's Prime Minister Benjamin Netanyahu on Wednesday dismissed the organisation's ceasefire proposal.\n\n"
    "U.S. Secretary of State Antony Blinken has met Netanyahu and other top Israeli officials.\n"
)


def _doc(text: str, lang: str = "en") -> Document:
    return Document(source=text, text=text, lang=lang)


def test_sample_article_titles_and_dedupe() -> None:
    doc = newsnorm.Pipeline([TitlesNormaliser()])(SAMPLE, lang="en")
    titles = [(m.text, m.value, m.attrs.get("person"), m.attrs.get("country")) for m in doc.mentions]
    assert titles == [
        ("Prime Minister", "Prime Minister", "Benjamin Netanyahu", "IL"),
        ("Secretary of State", "Secretary of State", "Antony Blinken", "US"),
    ]
    assert doc.text.count("Hamas 'open' to more ceasefire talks") == 1
    assert doc.text.startswith("Hamas 'open' to more ceasefire talks: Palestinian official\n\nGAZA STRIP\n\n")
    assert doc.source == SAMPLE
    for m in doc.mentions:
        assert doc.source[m.start : m.end] == m.text


def test_dedupe_option() -> None:
    norm = TitlesNormaliser(dedupe=False)
    assert list(norm.edits(_doc(SAMPLE))) == []
    edits = list(TitlesNormaliser().edits(_doc(SAMPLE)))
    assert len(edits) == 1
    assert apply_edits(SAMPLE, edits, []).count("Palestinian official") == 1
    assert list(TitlesNormaliser().edits(_doc("One line\n\nAnother line\n"))) == []


def test_honorifics_option() -> None:
    text = "Mr. Smith met Dr. Jane Doe and Senator Bob Casey."
    with_h = [m.text for m in TitlesNormaliser().find(_doc(text))]
    without = [m.text for m in TitlesNormaliser(honorifics=False).find(_doc(text))]
    assert with_h == ["Mr.", "Dr.", "Senator"]
    assert without == ["Senator"]


@pytest.mark.parametrize("option", ["dedupe", "honorifics", "countries", "rewrite"])
def test_bad_options_raise(option: str) -> None:
    with pytest.raises(TypeError, match=option):
        TitlesNormaliser(**{option: "yes"})  # type: ignore[arg-type]


def test_headline_errors() -> None:
    with pytest.raises(TypeError, match="title"):
        headline(None)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="case"):
        headline("x", case="camel")
    with pytest.raises(ValueError, match="lang"):
        headline("x", lang="english")
    with pytest.raises(TypeError, match="unknown option"):
        headline("x", strip_everything=True)
    with pytest.raises(TypeError, match="site"):
        headline("x", site=3)
    with pytest.raises(TypeError, match="strip_live"):
        headline("x", strip_live="no")


def test_headline_options() -> None:
    assert headline("LIVE: Israel strikes Rafah", lang="en") == "LIVE: Israel strikes Rafah"
    assert headline("LIVE: Israel strikes Rafah", lang="en", strip_live=True) == "Israel strikes Rafah"
    assert headline("EXCLUSIVE: Iran moves missiles", lang="en") == "Iran moves missiles"
    assert headline("Iran moves missiles (VIDEO)", lang="en") == "Iran moves missiles"
    assert headline("EXCLUSIVE: Iran moves missiles", lang="en", strip_labels=False).startswith("EXCLUSIVE")
    assert headline("Gaza talks resume | Reuters", lang="en", strip_site=False) == "Gaza talks resume | Reuters"
    assert (
        headline("Python Insider: Python 3.6.0 is now available!", lang="en", site="blog.python.org")
        == "Python 3.6.0 is now available!"
    )
    assert headline("  Talks   resume  ", lang="en", collapse_whitespace=True) == "Talks resume"
    assert headline("“Talks” resume", lang="en", straight_quotes=True) == '"Talks" resume'
    assert newsnorm.headline("Talks resume - BBC News", lang="en") == "Talks resume"


def test_locale_casing() -> None:
    assert upper("istanbul ve izmir", "tr") == "İSTANBUL VE İZMİR"
    assert lower("ISPARTA'DA YAĞMUR", "tr") == "ısparta'da yağmur"
    assert headline("ijsland kiest", lang="nl", case="sentence") == "IJsland kiest"
    assert upper("Η Αθήνα", "el") == "Η ΑΘΗΝΑ"
    assert lower("ΟΔΟΣ", "el") == "οδος"
    assert headline("Macron reçu à l'Élysée", lang="fr", case="sentence") == "Macron reçu à l'Élysée"
    assert headline("Die Bundesregierung Plant Neue Gesetze", lang="de", case="title").startswith("Die Bundesregierung")
    assert headline("apple unveils new iPhone at event", lang="en", case="title") == "Apple Unveils New iPhone at Event"


def test_pickle_and_equality() -> None:
    norm = TitlesNormaliser(dedupe=False)
    for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
        clone = pickle.loads(pickle.dumps(norm, protocol))
        assert clone == norm
        assert hash(clone) == hash(norm)
        assert list(clone.find(_doc(SAMPLE))) == list(norm.find(_doc(SAMPLE)))
    assert TitlesNormaliser() != norm
    assert "dedupe=False" in repr(norm)
    assert newsnorm.get("titles") == TitlesNormaliser()


ODD = [
    "",
    " ",
    "\ud800\udfff lone surrogates \udc00",
    "\x00\x01\x02 control \x7f",
    "Dr." * 1000,
    "President " * 2000,
    "a" * 100_000,
    "İIıi ΣΑΣ ß ﬁ",
    "| - | — » ·",
    "\n\n\n",
    "Mr. and Mrs. and Dr. and Prof. and " * 200,
    "Nato-Generalsekretär Nato-" * 300,
    "Мер Києва Віталій Кличко " * 300,
    "グテーレス国連事務総長ローマ教皇" * 300,
    "기시다 후미오 유엔 사무총장 " * 300,
    "حسين أمير عبد " * 300,
    "x | by John Smith (with Pictures) " * 300,
]


@pytest.mark.parametrize("text", ODD, ids=range(len(ODD)))
def test_never_raises_on_odd_strings(text: str) -> None:
    for lang in ("en", "tr", "ar", "und", "de", "uk", "ja", "ko"):
        mentions = list(TitlesNormaliser().find(_doc(text, lang)))
        for m in mentions:
            assert text[m.start : m.end] == m.text
        list(TitlesNormaliser().edits(_doc(text, lang)))
    for case in (None, "title", "sentence"):
        assert isinstance(headline(text, lang="en", case=case), str)


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=()), max_size=80))
def test_never_raises_property(text: str) -> None:
    for m in TitlesNormaliser().find(_doc(text)):
        assert text[m.start : m.end] == m.text
    for case in (None, "title", "sentence"):
        assert isinstance(headline(text, lang="en", case=case), str)


def test_shipped_data_is_fresh() -> None:
    script = ROOT / "scripts" / "build_titles_data.py"
    if not script.exists():  # pragma: no cover - installed without the scripts
        pytest.skip("scripts/ not present")
    out = subprocess.run([sys.executable, str(script), "--check"], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr


def test_import_stays_light() -> None:
    code = "import sys, newsnorm.titles; print([m for m in ('babel', 'regex', 'langdetect') if m in sys.modules])"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
