"""Reliability on real-looking news: valid documents and idempotence, in many languages.

This module also holds the texts and checks the other ``test_reliability_*``
modules share (tests read nothing outside the repository's ``tests/``, not even ``bench/``). The texts are
written for these tests, in the style of wire copy, plus the AFP sample the
package ships.
"""

from __future__ import annotations

import json
from importlib.resources import files

import pytest

import newsnorm
from newsnorm import Document

#: Short news paragraphs per language, written for these tests.
TEXTS: dict[str, str] = {
    "en": (
        "ANKARA, Oct. 7 (Reuters) - Turkey's President Recep Tayyip Erdogan said on Thursday that about 27,840 people "
        "had been evacuated from the region, and that talks with Greece would resume in six weeks. Prime Minister "
        "Benjamin Netanyahu met U.S. Secretary of State Antony Blinken in Jerusalem on Wednesday; the third round of "
        "talks is planned for mid-2024. Between 400 and 500 trucks crossed into the Gaza Strip, down 1.5% from May."
    ),
    "es": (
        "MADRID, 7 de octubre (EFE) - El presidente del Gobierno, Pedro Sánchez, anunció el jueves que unas 27.840 "
        "personas fueron evacuadas en Turquía y que las negociaciones con Marruecos se reanudarán dentro de seis "
        "semanas. Entre 400 y 500 camiones entraron en la Franja de Gaza el 8 de febrero de 2024, un 1,5 % menos."
    ),
    "fr": (
        "PARIS, 7 octobre (AFP) - Le Premier ministre a annoncé jeudi qu'environ 27 840 personnes avaient été "
        "évacuées en Turquie et que les négociations avec l'Allemagne reprendraient dans six semaines. Entre 400 et "
        "500 camions sont entrés dans la bande de Gaza le 8 février 2024, soit 1,5 % de moins qu'en mai."
    ),
    "de": (
        "BERLIN, 7. Oktober (dpa) - Bundeskanzler Olaf Scholz hat am Donnerstag mitgeteilt, dass rund 27.840 "
        "Menschen in der Türkei evakuiert worden seien und die Gespräche mit Frankreich in sechs Wochen fortgesetzt "
        "würden. Zwischen 400 und 500 Lastwagen fuhren am 8. Februar 2024 in den Gazastreifen, 1,5 Prozent weniger."
    ),
    "pt": (
        "LISBOA, 7 de outubro (Lusa) - O primeiro-ministro anunciou na quinta-feira que cerca de 27.840 pessoas "
        "foram retiradas na Turquia e que as negociações com a Espanha serão retomadas dentro de seis semanas. "
        "Entre 400 e 500 camiões entraram na Faixa de Gaza a 8 de fevereiro de 2024."
    ),
    "it": (
        "ROMA, 7 ottobre (ANSA) - Il presidente del Consiglio ha annunciato giovedì che circa 27.840 persone sono "
        "state evacuate in Turchia e che i negoziati con la Francia riprenderanno tra sei settimane. Tra 400 e 500 "
        "camion sono entrati nella Striscia di Gaza l'8 febbraio 2024."
    ),
    "nl": (
        "DEN HAAG, 7 oktober (ANP) - De minister-president maakte donderdag bekend dat ongeveer 27.840 mensen in "
        "Turkije zijn geëvacueerd en dat de gesprekken met Duitsland over zes weken worden hervat. Tussen 400 en 500 "
        "vrachtwagens reden op 8 februari 2024 de Gazastrook binnen."
    ),
    "tr": (
        "ANKARA, 7 Ekim (AA) - Cumhurbaşkanı Recep Tayyip Erdoğan perşembe günü yaptığı açıklamada yaklaşık 27.840 "
        "kişinin bölgeden tahliye edildiğini ve Yunanistan ile görüşmelerin altı hafta içinde yeniden başlayacağını "
        "söyledi. 8 Şubat 2024'te 400 ile 500 arasında kamyon Gazze Şeridi'ne girdi."
    ),
    "ru": (
        "МОСКВА, 7 октября (ТАСС) - Президент России заявил в четверг, что около 27 840 человек были эвакуированы "
        "из района, а переговоры с Турцией возобновятся через шесть недель. От 400 до 500 грузовиков въехали в "
        "сектор Газа 8 февраля 2024 года."
    ),
    "ar": (
        "القاهرة، 7 أكتوبر (رويترز) - قال رئيس الوزراء يوم الخميس إن نحو 27840 شخصا أُجلوا من المنطقة، وإن المحادثات "
        "مع تركيا ستستأنف خلال ستة أسابيع. ودخلت ما بين 400 و500 شاحنة إلى قطاع غزة في 8 فبراير 2024."
    ),
    "zh": (
        "北京10月7日电 土耳其总统埃尔多安周四表示，约27840人已从该地区撤离，与希腊的谈判将在六周后恢复。"
        "2024年2月8日，有400至500辆卡车进入加沙地带。"
    ),
    "ja": (
        "【東京10月7日】トルコのエルドアン大統領は木曜日、約2万7840人が同地域から避難したと述べ、ギリシャとの交渉は"
        "6週間後に再開されると語った。2024年2月8日には400〜500台のトラックがガザ地区に入った。"
    ),
}

PUBLISHED = "2024-02-08"


def sample_text() -> str:
    """The AFP article the package ships (``newsnorm/data/sample.txt``)."""
    return files("newsnorm").joinpath("data").joinpath("sample.txt").read_text(encoding="utf-8")


def all_texts() -> list[tuple[str, str]]:
    """(language, text) pairs: every paragraph above and the AFP sample."""
    return [*TEXTS.items(), ("en", sample_text())]


def check_document(doc: Document, text: str) -> None:
    """The invariants of every Document: source kept, offsets valid, sorted, disjoint, JSON-serialisable."""
    assert doc.source == text
    last_end = 0
    for m in doc.mentions:
        assert 0 <= m.start < m.end <= len(text), m
        assert text[m.start : m.end] == m.text, m
        assert m.start >= last_end, f"mentions overlap or are out of order at {m!r}"
        last_end = m.end
    json.dumps(doc.to_dict())


def canonical(doc: Document) -> str:
    """A Document as one canonical JSON string (for comparing runs)."""
    return json.dumps(doc.to_dict(), ensure_ascii=False, sort_keys=True, default=str)


@pytest.mark.parametrize(("lang", "text"), all_texts(), ids=[f"{lang}-{i}" for i, (lang, _) in enumerate(all_texts())])
@pytest.mark.parametrize("given", [True, False], ids=["lang-given", "detected"])
def test_corpus_documents_are_valid(lang: str, text: str, given: bool) -> None:
    doc = newsnorm.normalise(text, lang=lang if given else None, published=PUBLISHED)
    check_document(doc, text)
    if given:
        assert doc.lang == lang


@pytest.mark.parametrize(("lang", "text"), all_texts(), ids=[f"{lang}-{i}" for i, (lang, _) in enumerate(all_texts())])
def test_normalising_the_normalised_text_changes_nothing(lang: str, text: str) -> None:
    once = newsnorm.normalise(text, lang=lang, published=PUBLISHED)
    twice = newsnorm.normalise(once.text, lang=lang, published=PUBLISHED)
    assert twice.text == once.text


@pytest.mark.parametrize("name", ["places", "dates", "numbers", "titles"])
def test_each_normaliser_is_idempotent(name: str) -> None:
    pipe = newsnorm.Pipeline([name])
    for lang, text in all_texts():
        once = pipe(text, lang=lang, published=PUBLISHED)
        assert pipe(once.text, lang=lang, published=PUBLISHED).text == once.text, (name, lang)


@pytest.mark.parametrize("repeats", [2, 3, 4])
def test_repeated_headline_lines_are_idempotent(repeats: int) -> None:
    # A page whose headline line is repeated (extractors often give title, og:title and h1): normalising the
    # normalised text again must not drop another copy.
    text = "\n\n".join(["Hamas 'open' to more ceasefire talks"] * repeats + ["GAZA STRIP", "Talks go on, he said."])
    once = newsnorm.normalise(text, lang="en", published=PUBLISHED)
    assert newsnorm.normalise(once.text, lang="en", published=PUBLISHED).text == once.text


def test_same_output_twice_in_one_process() -> None:
    for lang, text in all_texts():
        first = canonical(newsnorm.normalise(text, published=PUBLISHED))
        assert canonical(newsnorm.normalise(text, published=PUBLISHED)) == first, lang
        assert canonical(newsnorm.normalise(text, lang=lang, published=PUBLISHED)) == canonical(
            newsnorm.normalise(text, lang=lang, published=PUBLISHED)
        ), lang
