from __future__ import annotations

import os
import subprocess
import sys

import pytest

import newsnorm
from newsnorm._lang import LangTag, detect, parse_lang


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        ("en", LangTag("en")),
        ("EN", LangTag("en")),
        ("pt-BR", LangTag("pt", None, "BR")),
        ("pt_br", LangTag("pt", None, "BR")),
        ("zh-Hant-TW", LangTag("zh", "Hant", "TW")),
        ("sr-Latn", LangTag("sr", "Latn", None)),
        ("es-419", LangTag("es", None, "419")),
        ("iw", LangTag("he")),
        ("eng", LangTag("en")),
        ("und", LangTag("und")),
        (" fr ", LangTag("fr")),
    ],
)
def test_parse_lang(tag: str, expected: LangTag) -> None:
    assert parse_lang(tag) == expected


@pytest.mark.parametrize("tag", ["english", "xx", "xx-nonsense", "", "e", "en--US", "123"])
def test_unknown_codes_raise_value_error(tag: str) -> None:
    with pytest.raises(ValueError, match="ISO 639-1 code or BCP 47 tag"):
        parse_lang(tag)


@pytest.mark.parametrize("tag", [123, b"en", ["en"]])
def test_non_strings_raise_type_error(tag: object) -> None:
    with pytest.raises(TypeError, match="'lang' must be"):
        newsnorm.normalise("text", lang=tag)  # type: ignore[arg-type]


def test_region_kept_on_document() -> None:
    doc = newsnorm.normalise("Olá", lang="pt-BR")
    assert (doc.lang, doc.region) == ("pt", "BR")


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The government said on Thursday that the talks would continue next week.", "en"),
        ("Le gouvernement a annoncé jeudi que les négociations reprendraient la semaine prochaine.", "fr"),
        ("Die Regierung teilte am Donnerstag mit, die Gespräche würden nächste Woche fortgesetzt.", "de"),
        ("El gobierno anunció el jueves que las negociaciones continuarán la próxima semana.", "es"),
        ("Правительство заявило в четверг, что переговоры продолжатся на следующей неделе.", "ru"),
        ("Hükümet perşembe günü görüşmelerin gelecek hafta süreceğini açıkladı.", "tr"),
        ("أعلنت الحكومة يوم الخميس أن المحادثات ستستمر الأسبوع المقبل", "ar"),
        ("政府周四表示，谈判将于下周继续。", "zh"),
        ("政府は木曜日、交渉は来週も続くと発表した。", "ja"),
        ("정부는 목요일 협상이 다음 주에도 계속될 것이라고 밝혔다.", "ko"),
        ("Η κυβέρνηση ανακοίνωσε την Πέμπτη ότι οι συνομιλίες θα συνεχιστούν.", "el"),
        ("הממשלה הודיעה ביום חמישי כי השיחות יימשכו בשבוע הבא.", "he"),
    ],
)
def test_detection(text: str, lang: str) -> None:
    assert detect(text) == lang
    assert newsnorm.normalise(text).lang == lang


@pytest.mark.parametrize("text", ["", "   ", "12345 67", "!!!", "\u200b\u200b", "🙂🙂"])
def test_undetectable_is_und(text: str) -> None:
    assert detect(text) == "und"


def test_detection_reads_a_bounded_prefix() -> None:
    head = "The government said on Thursday that the talks would continue next week. " * 8
    assert detect(head + "Der Regierungssprecher sagte am Donnerstag. " * 10000) == "en"


SNIPPETS = [
    "Rusia y Ucrania",
    "Bom dia a todos",
    "Ik ben hier",
    "Det var en gång",
    "ceasefire talks",
    "Merci beaucoup",
    "Buongiorno Roma",
]


def test_detection_is_deterministic_across_processes() -> None:
    code = "import newsnorm._lang as l, sys; print(','.join(l.detect(s) for s in sys.argv[1:]))"
    answers = set()
    for seed in ("0", "1", "12345"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        cmd = [sys.executable, "-c", code, *SNIPPETS]
        out = subprocess.run(cmd, env=env, capture_output=True, text=True, check=True)
        answers.add(out.stdout.strip())
    assert len(answers) == 1
    assert answers.pop() == ",".join(detect(s) for s in SNIPPETS)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("HAMAS ZEIGT SICH OFFEN FÜR WEITERE GESPRÄCHE ÜBER EINE WAFFENRUHE", "de"),
        ("ISRAEL REJECTS TRUCE OFFER AS TALKS RESUME IN EGYPT", "en"),
        ("GAZA CITY (AFP) - The talks resumed on Thursday after the NATO and UN envoys arrived.", "en"),
        ("Les négociations ont repris jeudi, a indiqué l'AFP (https://www.afp.com, contact@afp.com).", "fr"),
        ("Negotiations with Hamas: Israel says talks in Cairo will go on, an official said", "en"),
        ("Президент України заявив у четвер, що переговори тривають.", "uk"),
        ("Кремль заявил в четверг, что переговоры продолжатся.", "ru"),
        ("La reunió va acabar dijous sense cap acord entre les parts.", "ca"),
    ],
)
def test_detection_of_capitals_acronyms_links_and_close_languages(text: str, lang: str) -> None:
    assert detect(text) == lang


def test_detection_scores_every_ngram_without_sampling() -> None:
    # The same text in many orders of calls and threads gives one answer (no random state anywhere).
    from concurrent.futures import ThreadPoolExecutor

    texts = [s for s in SNIPPETS for _ in range(20)]
    with ThreadPoolExecutor(8) as pool:
        threaded = list(pool.map(detect, texts))
    assert threaded == [detect(t) for t in texts]


def test_detection_model_is_small_and_shared() -> None:
    from newsnorm._lang import _get_model

    model = _get_model()
    assert model is _get_model()
    assert 30 <= len(model.langs) <= 60
    assert {"en", "ar", "ru", "hi"} <= set(model.langs)
    assert "zh" not in model.langs  # Han is the script rule's
    assert len(model.packed) < 60_000


@pytest.mark.parametrize("size", [0, 1, 299, 300, 301, 5_000, 1_000_000])
def test_detection_of_long_runs_without_spaces(size: int) -> None:
    assert detect("a" * size) in {"und", *newsnorm._lang.ISO_639_1}
    assert detect("Ab" * size) in {"und", *newsnorm._lang.ISO_639_1}
