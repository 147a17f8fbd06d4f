"""Rules added after the first version: repeated headlines, titles after a name, name lines, speed paths."""

from __future__ import annotations

import pytest

import newsnorm
from newsnorm import Document
from newsnorm.titles import TitlesNormaliser, headline


def _titles(text: str, lang: str = "en") -> list[tuple[str, object, object, object]]:
    doc = Document(source=text, text=text, lang=lang)
    return [(m.text, m.value, m.attrs.get("person"), m.attrs.get("country")) for m in TitlesNormaliser().find(doc)]


def test_headline_repeated_three_times_is_deduped_in_one_pass() -> None:
    text = "Gaza talks resume\n\nGaza talks resume\n\nGaza talks resume\n\nThe body starts here.\n"
    once = newsnorm.Pipeline([TitlesNormaliser()])(text, lang="en").text
    assert once == "Gaza talks resume\n\nThe body starts here.\n"
    assert newsnorm.Pipeline([TitlesNormaliser()])(once, lang="en").text == once


@pytest.mark.parametrize(
    ("text", "lang", "want"),
    [
        ("Olaf Scholz, the German chancellor, said talks would go on.", "en",
         ("chancellor", "Chancellor", "Olaf Scholz", "DE")),
        ("Pedro Sánchez, presidente del Gobierno, anunció medidas.", "es",
         ("presidente del Gobierno", "Prime Minister", "Pedro Sánchez", None)),
        ("Emmanuel Macron, le président français, a reçu son homologue.", "fr",
         ("président", "President", "Emmanuel Macron", "FR")),
    ],
)
def test_title_after_a_name(text: str, lang: str, want: tuple[str, object, object, object]) -> None:
    assert _titles(text, lang) == [want]


def test_title_after_a_name_needs_a_closed_clause() -> None:
    # the title goes on into the sentence: not an appositive
    assert _titles("In Paris, the president said the talks would go on.") == []


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Foo. John Smith", "Foo."),
        ("Xyz. Sir John", "Xyz. Sir"),
        ("Doe, John. A. Kenneth", "John."),
        ("Dr. King MD", "Dr."),
        ("Prince of Wales Jr", "Prince of Wales"),
        ("John Smith, Minister of the Interior and Mrs.", "Minister of the Interior and Mrs."),
    ],
)
def test_name_lines(text: str, want: str) -> None:
    assert want in [t[0] for t in _titles(text)]


def test_dotted_words_in_sentences_are_not_titles() -> None:
    assert _titles("Calif. Man Arrested After Chase") == []
    assert _titles("Jan. 5 was cold in Calif. and Ore.") == []


def test_state_abbreviation_is_a_us_qualifier() -> None:
    assert _titles("Fla. Gov. Ron DeSantis signed it.") == [("Gov.", "Governor", "Ron DeSantis", "US")]


def test_company_words_are_not_names() -> None:
    assert _titles("El fabricante General Motors anunció el cierre.", "es") == []


def test_arabic_compound_names() -> None:
    text = "قال الرئيس المصري عبد الفتاح السيسي إن المفاوضات مستمرة."
    assert _titles(text, "ar") == [("الرئيس", "President", "عبد الفتاح السيسي", "EG")]


def test_latin_abbreviation_in_korean_text_is_not_a_title() -> None:
    assert _titles("메모는 매주 첨부되는 LT 작업 세션 노트에서 공유되며", "ko") == []


def test_site_prefix_without_site_argument() -> None:
    assert headline("Python Insider: Python 3.6.0 is now available!") == "Python 3.6.0 is now available!"
    assert headline("Olivia Munn: Queen of the Uncool - BusinessWeek") == "Olivia Munn: Queen of the Uncool"
    assert headline("Live: Ukraine war updates as talks resume") == "Live: Ukraine war updates as talks resume"


def test_sentence_case_keeps_names() -> None:
    got = headline("Prime Minister Rishi Sunak Calls Snap Election For July", lang="en", case="sentence")
    assert got == "Prime Minister Rishi Sunak calls snap election for July"
    assert headline("President Biden Signs Bill", lang="en", case="sentence") == "President Biden signs bill"


def test_title_case_words_are_memoised_consistently() -> None:
    first = headline("the state of the union", lang="en", case="title")
    again = headline("the state of the union", lang="en", case="title")
    assert first == again == "The State of the Union"


def test_cjk_section_and_site_tail() -> None:
    title = "動画：ナイジェリアで自爆攻撃、31人死亡 写真1枚 国際ニュース：AFPBB News"
    assert headline(title) == "動画：ナイジェリアで自爆攻撃、31人死亡"
    assert headline("外国专家：中美合作共赢符合国际社会利益") == "外国专家：中美合作共赢符合国际社会利益"


@pytest.mark.parametrize(
    ("text", "lang", "want"),
    [
        ("Statsminister Ulf Kristersson besökte Kyiv.", "sv",
         ("Statsminister", "Prime Minister", "Ulf Kristersson", None)),
        ("Генсек НАТО Єнс Столтенберг прибув до Києва.", "uk",
         ("Генсек", "Secretary-General", "Єнс Столтенберг", None)),
        ("Senator JD Vance said.", "en", ("Senator", "Senator", "JD Vance", None)),
    ],
)
def test_more_languages_and_organisations(text: str, lang: str, want: tuple[str, object, object, object]) -> None:
    assert _titles(text, lang) == [want]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Speaker of the House Mike Johnson said the bill would pass.",
         ("Speaker of the House", "Speaker", "Mike Johnson", None)),
        ("Egyptian President Abdel Fattah al-Sisi hosted the talks.",
         ("President", "President", "Abdel Fattah al-Sisi", "EG")),
    ],
)
def test_complement_and_name_parts(text: str, want: tuple[str, object, object, object]) -> None:
    assert _titles(text) == [want]


def test_everyday_words_of_all_caps_headlines_are_lowered() -> None:
    assert headline("TURKEY'S CENTRAL BANK RAISES RATES TO 45%", lang="en", case="sentence") == (
        "Turkey's central bank raises rates to 45%"
    )


def _attrs(text: str, lang: str) -> list[tuple[str, object, dict[str, object]]]:
    doc = Document(source=text, text=text, lang=lang)
    found = TitlesNormaliser(countries=False).find(doc)
    return [(m.text, m.value, {k: v for k, v in m.attrs.items() if k in ("person", "former")}) for m in found]


@pytest.mark.parametrize(
    ("text", "lang", "want"),
    [
        ("Then-Secretary of State Mike Pompeo flew in.", "en",
         ("Secretary of State", "Secretary of State", {"person": "Mike Pompeo", "former": True})),
        ("El expresidente Mauricio Macri habló.", "es",
         ("expresidente", "President", {"person": "Mauricio Macri", "former": True})),
        ("Экс-президент Дмитрий Медведев выступил.", "ru",
         ("президент", "President", {"person": "Дмитрий Медведев", "former": True})),
        ("Deputy Foreign Minister Mikhail Bogdanov met them.", "en",
         ("Deputy Foreign Minister", "Deputy Foreign Minister", {"person": "Mikhail Bogdanov"})),
        ("Assistant Secretary of State Barbara Leaf visited.", "en",
         ("Assistant Secretary of State", "Assistant Secretary of State", {"person": "Barbara Leaf"})),
        ("Pope John Paul II visited Poland.", "en", ("Pope", "Pope", {"person": "John Paul II"})),
        ("Under President Biden, the economy grew.", "en", ("President", "President", {"person": "Biden"})),
        ("Papa Franciscus Gazze için çağrı yaptı.", "tr", ("Papa", "Pope", {"person": "Franciscus"})),
        ("Le ministre Bruno Le Maire a parlé.", "fr", ("ministre", "Minister", {"person": "Bruno Le Maire"})),
        ("El presidente electo Donald Trump habló.", "es", ("presidente", "President", {"person": "Donald Trump"})),
    ],
)
def test_former_deputy_and_modified_offices(text: str, lang: str, want: tuple[str, object, dict[str, object]]) -> None:
    assert _attrs(text, lang) == [want]


@pytest.mark.parametrize(
    ("title", "kwargs", "want"),
    [
        ("VIDÉO. Les images de l'incendie de Notre-Dame", {"lang": "fr"}, "Les images de l'incendie de Notre-Dame"),
        ("DIRECT. Guerre en Ukraine : les dernières informations", {"lang": "fr"},
         "DIRECT. Guerre en Ukraine : les dernières informations"),
        ("DIRECT. Guerre en Ukraine : les dernières informations", {"lang": "fr", "strip_live": True},
         "Guerre en Ukraine : les dernières informations"),
        ("BREAKING NEWS. Storm hits the coast", {"lang": "en"}, "Storm hits the coast"),
        ("NATO. Allies meet in Brussels", {"lang": "en"}, "NATO. Allies meet in Brussels"),
        ("Taiwan earthquake: death toll rises to nine - Breitbart", {"lang": "en"},
         "Taiwan earthquake: death toll rises to nine"),
        ("Google - Site Reliability Engineering", {"lang": "en"}, "Google - Site Reliability Engineering"),
        ("Home » World » Middle East » Israel expands Rafah operation", {"lang": "en"},
         "Israel expands Rafah operation"),
        ("Election 2024 - Live Results", {"lang": "en"}, "Election 2024 - Live Results"),
    ],
)
def test_headline_kickers_stems_and_breadcrumbs(title: str, kwargs: dict[str, object], want: str) -> None:
    assert headline(title, **kwargs) == want  # type: ignore[arg-type]


def _slow_repeats(source: str) -> list[tuple[int, int]]:
    """The repeated-headline rule read plainly (every line up to 81, no early exit), for comparison."""
    lines: list[tuple[int, str]] = []
    pos = 0
    while pos < len(source) and len(lines) < 81:
        nl = source.find("\n", pos)
        end = len(source) if nl < 0 else nl + 1
        lines.append((pos, source[pos:end]))
        pos = end
    content = [(s, line) for s, line in lines if line.strip()]

    def key(line: str) -> str:
        return " ".join(line.split()).rstrip(".:;!").casefold()

    if len(content) < 2 or not key(content[0][1]) or len(key(content[0][1])) > 300:
        return []
    repeats = 0
    for _s, line in content[1:]:
        if key(line) != key(content[0][1]):
            break
        repeats += 1
    if not repeats:
        return []
    end = content[repeats][0] + len(content[repeats][1])
    for s, line in lines:
        if s >= end and not line.strip():
            end = s + len(line)
        elif s >= end:
            break
    return [(content[1][0], end)]


@pytest.mark.parametrize(
    "text",
    [
        "Straße gesperrt\nSTRASSE GESPERRT\n\nText.",  # casefolding makes one character two
        "ssa\nßa\nbody",
        "  Title.\n\t \n title \n\nBody",
        "Title\n" + "\n" * 90 + "Title\nBody",  # the second line lies past the lines read
        "!!!\n!!!\nbody",
        "Title\u2028\nTitle\nx",
        "\n\n\n",
        "One line only",
        "Title\r\nTitle\r\n\r\nBody",
    ],
)
def test_repeated_headline_fast_path_matches_the_plain_rule(text: str) -> None:
    got = [(e.start, e.end) for e in TitlesNormaliser().edits(Document(source=text, text=text, lang="en"))]
    assert got == _slow_repeats(text)
