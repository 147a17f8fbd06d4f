"""Tests of the newsnorm-currency plugin: amounts, options, the registry, pickling, odd input."""

from __future__ import annotations

import pickle
import threading

import pytest

import newsnorm
from newsnorm_currency import CurrencyNormaliser

CASES = [
    # (text, lang, surface, value, currency)
    ("Qatar pledged $5 billion to the fund.", "en", "$5 billion", 5_000_000_000, "USD"),
    ("L'UE a promis 5 milliards d'euros.", "fr", "5 milliards d'euros", 5_000_000_000, "EUR"),
    ("The EU gave €3.2bn in aid.", "en", "€3.2bn", 3_200_000_000, "EUR"),
    ("A loan of US$ 12 million was agreed.", "en", "US$ 12 million", 12_000_000, "USD"),
    ("Tickets cost £300 each.", "en", "£300", 300, "GBP"),
    ("A meal is ¥1,000 in Tokyo.", "en", "¥1,000", 1000, "JPY"),
    ("Die Stadt erhält 3 Mio. Euro.", "de", "3 Mio. Euro", 3_000_000, "EUR"),
    ("O ingresso custa R$ 50.", "pt", "R$ 50", 50, "BRL"),
    ("Le budget atteint 1 000 € par mois.", "fr", "1 000 €", 1000, "EUR"),
    ("Der Preis: 1.000 € pro Monat.", "de", "1.000 €", 1000, "EUR"),
    ("Die Hilfe: 2,5 Milliarden US-Dollar.", "de", "2,5 Milliarden US-Dollar", 2_500_000_000, "USD"),
    ("La UE aportará 5.000 millones de euros.", "es", "5.000 millones de euros", 5_000_000_000, "EUR"),
    ("Россия выделила 5 млрд рублей.", "ru", "5 млрд рублей", 5_000_000_000, "RUB"),
    ("Britain spent $1,000 million.", "en", "$1,000 million", 1_000_000_000, "USD"),
    ("They raised 3 million Swiss francs.", "en", "3 million Swiss francs", 3_000_000, "CHF"),
    ("The deal is worth USD 5m.", "en", "USD 5m", 5_000_000, "USD"),
    ("予算は5億円だった。", "ja", "5億円", 500_000_000, "JPY"),
    ("He paid $5 for it.", "en-CA", "$5", 5, "CAD"),
]


@pytest.mark.parametrize(("text", "lang", "surface", "value", "currency"), CASES)
def test_amounts(text: str, lang: str, surface: str, value: int, currency: str) -> None:
    doc = CurrencyNormaliser()(text, lang=lang)
    assert [(m.text, m.value, m.attrs) for m in doc.mentions] == [(surface, value, {"currency": currency})]
    (m,) = doc.mentions
    assert m.kind == "money"
    assert m.normalised == f"{currency} {value}"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("There were 300 rupees on the table.", "en"),  # INR, PKR, LKR...: no way to tell
        ("In 2023 there were 5 million people.", "en"),
        ("She was 5 feet tall and 3 years old.", "en"),
        ("Europe has 27 members.", "en"),
    ],
)
def test_no_amount(text: str, lang: str) -> None:
    assert CurrencyNormaliser()(text, lang=lang).mentions == ()


@pytest.mark.parametrize(
    ("text", "lang", "surface", "value", "currency"),
    [
        ("Damage is put at $5-6 billion.", "en", "$5-6 billion", [5_000_000_000, 6_000_000_000], "USD"),
        ("Un coût de 2 – 3 milliards d'euros.", "fr", "2 – 3 milliards d'euros", [2_000_000_000, 3_000_000_000], "EUR"),
    ],
)
def test_ranges(text: str, lang: str, surface: str, value: list[int], currency: str) -> None:
    (m,) = CurrencyNormaliser()(text, lang=lang).mentions
    assert (m.text, m.value, m.attrs) == (surface, value, {"currency": currency})
    assert m.normalised == f"{currency} {value[0]}-{value[1]}"


def test_dollar_option_decides_bare_dollars() -> None:
    doc = CurrencyNormaliser(dollar="AUD")("It cost $40 and 20 dollars.", lang="en")
    assert [m.attrs["currency"] for m in doc.mentions] == ["AUD", "AUD"]
    # an explicit symbol is never overridden
    doc = CurrencyNormaliser(dollar="AUD")("It cost US$40.", lang="en")
    assert [m.attrs["currency"] for m in doc.mentions] == ["USD"]


def test_rewrite_option() -> None:
    doc = CurrencyNormaliser(rewrite=True)("Aid: €3.2bn.", lang="en")
    assert doc.text == "Aid: EUR 3200000000."
    assert CurrencyNormaliser()("Aid: €3.2bn.", lang="en").text == "Aid: €3.2bn."


@pytest.mark.parametrize(
    ("options", "error", "words"),
    [
        ({"dollar": "usd"}, ValueError, "dollar"),
        ({"dollar": "XYZ"}, ValueError, "ISO 4217"),
        ({"dollar": 5}, TypeError, "dollar"),
        ({"rewrite": "yes"}, TypeError, "rewrite"),
    ],
)
def test_bad_options(options: dict[str, object], error: type[Exception], words: str) -> None:
    with pytest.raises(error, match=words):
        CurrencyNormaliser(**options)  # type: ignore[arg-type]
    with pytest.raises(error, match="currency"):
        newsnorm.get("currency", **options)


def test_registered_through_the_entry_point() -> None:
    assert "currency" in newsnorm.available()
    made = newsnorm.get("currency", dollar="CAD")
    assert isinstance(made, CurrencyNormaliser)
    assert made == CurrencyNormaliser(dollar="CAD")


def test_default_pipeline_can_include_it_and_normalise_is_unchanged() -> None:
    text = "Qatar pledged $5 billion on Thursday, Reuters said."
    plain = newsnorm.normalise(text, lang="en", published="2024-02-08")
    assert all(m.kind != "money" for m in plain.mentions)
    pipe = newsnorm.Pipeline(["places", "dates", "numbers", "titles", "currency"])
    doc = pipe(text, lang="en", published="2024-02-08")
    money = [m for m in doc.mentions if m.kind == "money"]
    assert [(m.text, m.value) for m in money] == [("$5 billion", 5_000_000_000)]
    assert newsnorm.normalise(text, lang="en", published="2024-02-08") == plain


def test_pickles_and_compares_by_options() -> None:
    one = CurrencyNormaliser(dollar="CAD", rewrite=True)
    assert pickle.loads(pickle.dumps(one)) == one
    assert vars(one) == {"dollar": "CAD", "rewrite": True}  # options only, nothing compiled
    pipe = newsnorm.Pipeline(["numbers", one])
    assert pickle.loads(pickle.dumps(pipe)) == pipe
    assert one != CurrencyNormaliser()


def test_thread_safe_and_deterministic() -> None:
    text = "Aid of $5 billion, €3.2bn and £300. " * 50
    expected = CurrencyNormaliser()(text, lang="en")
    results: list[object] = []

    def run() -> None:
        results.append(CurrencyNormaliser()(text, lang="en"))

    threads = [threading.Thread(target=run) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [expected] * 4


@pytest.mark.parametrize(
    "text",
    [
        "",
        "\ud800 $5 \udfff",
        "\x00\x01$\x02 5",
        "$" * 10_000,
        "9" * 10_000 + " dollars",
        "$1" + ",000" * 5_000 + " million",
        "1." * 10_000 + "5 €",
        "€" + "3.2bn " * 20_000,
    ],
    ids=lambda text: f"{text[:12]!r}x{len(text)}",
)
@pytest.mark.parametrize("lang", ["en", "fr", "ja", "und"])
def test_never_raises(text: str, lang: str) -> None:
    doc = CurrencyNormaliser()(text, lang=lang)
    for m in doc.mentions:
        assert doc.source[m.start : m.end] == m.text
