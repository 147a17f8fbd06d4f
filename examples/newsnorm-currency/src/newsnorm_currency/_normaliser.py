"""The currency normaliser: amounts of money to a number and an ISO 4217 code."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from decimal import Decimal, InvalidOperation

from newsnorm import Document, Mention, NormaliserBase

from ._tables import SDR_BASKET, Table, table

__all__ = ["CurrencyNormaliser"]

_CODE = re.compile(r"[A-Z]{3}\Z")
_SEPARATORS = re.compile(r"[^\d]")


class CurrencyNormaliser(NormaliserBase):
    """Amounts of money: "$5 billion", "5 milliards d'euros", "€3.2bn", "3 Mio. Euro", "R$ 50".

    Each amount becomes a ``"money"`` mention whose ``value`` is the number (an
    ``int`` when it is whole: "€3.2bn" is ``3200000000``) and whose ``attrs`` hold
    ``{"currency": <ISO 4217 code>}``. ``normalised`` is ``"<code> <value>"``. A range
    ("$5-6 billion") has the value ``[low, high]`` and ``normalised`` ``"<code> <low>-<high>"``.

    Symbols, ISO codes, currency names and magnitude words come from CLDR through
    babel for the document's language, built on first use and cached per process.

    An ambiguous symbol or noun ("$", "¥", "dollars", "pounds") is resolved by, in
    order: the ``dollar`` option, the currency of the document's region ("en-CA"),
    the currency the language's own locale gives the symbol, the IMF SDR basket
    (USD, EUR, CNY, JPY, GBP), and the currency of the language's main territory.
    Without any of these the amount is left out rather than guessed.

    Args:
        dollar: ISO 4217 code that ``$`` and "dollars" stand for when ambiguous
            (``"CAD"`` for a Canadian paper); ``None`` (default) decides per document.
        rewrite: Whether ``doc.text`` gets the ``normalised`` form in place of each amount.

    >>> from newsnorm_currency import CurrencyNormaliser
    >>> doc = CurrencyNormaliser()("Aid worth $5 billion was pledged.", lang="en")
    >>> [(m.text, m.value, m.attrs) for m in doc.mentions]
    [('$5 billion', 5000000000, {'currency': 'USD'})]
    """

    kind = "money"
    name = "currency"

    def __init__(self, *, dollar: str | None = None, rewrite: bool = False) -> None:
        if dollar is not None:
            if not isinstance(dollar, str):
                raise TypeError(f"dollar must be an ISO 4217 code such as 'USD' or None (got {type(dollar).__name__})")
            if not _CODE.match(dollar):
                raise ValueError(f"dollar must be an upper-case ISO 4217 code such as 'CAD' (got {dollar!r})")
            from babel.numbers import is_currency

            if not is_currency(dollar):
                raise ValueError(f"dollar must be an ISO 4217 code known to CLDR (got {dollar!r})")
        if not isinstance(rewrite, bool):
            raise TypeError(f"rewrite must be True or False (got {type(rewrite).__name__})")
        self.dollar = dollar
        self.rewrite = rewrite

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, CurrencyNormaliser)
            and self.dollar == other.dollar
            and self.rewrite == other.rewrite
        )

    def __hash__(self) -> int:
        return hash((type(self).__name__, self.dollar, self.rewrite))

    def __repr__(self) -> str:
        return f"CurrencyNormaliser(dollar={self.dollar!r}, rewrite={self.rewrite!r})"

    def find(self, doc: Document) -> Iterable[Mention]:
        """Return a ``"money"`` mention for every amount of money in ``doc.source``."""
        return list(self._find(doc))

    def _find(self, doc: Document) -> Iterator[Mention]:
        source = doc.source
        if not source:
            return
        tab = table(doc.lang or "und")
        region = _region_currency(doc.region)
        for match in tab.pattern.finditer(source):
            code = self._currency(match, tab, region)
            if code is None:
                continue
            number = match.group("n1") or match.group("n2")
            scale_word = match.group("s1") or match.group("s2")
            exponent = tab.scales.get(scale_word.lower(), 0) if scale_word else 0
            low = _amount(number, tab.decimal, exponent)
            if low is None:
                continue
            value: int | float | list[int | float] = low
            high = match.group("h1") or match.group("h2")
            if high is not None:  # "$5-6 billion": a range, [low, high], the magnitude applying to both
                top = _amount(high, tab.decimal, exponent)
                if top is None or top < low:
                    continue
                value = [low, top]
            start, end = match.span()
            yield Mention(
                kind=self.kind,
                start=start,
                end=end,
                text=source[start:end],
                value=value,
                normalised=f"{code} {value[0]}-{value[1]}" if isinstance(value, list) else f"{code} {value}",
                attrs={"currency": code},
            )

    def _currency(self, match: re.Match[str], tab: Table, region: str | None) -> str | None:
        surface = match.group("pw") or match.group("pm") or match.group("post")
        if surface is not None:
            return _choose(tab.symbols.get(surface, ()), self.dollar, region, tab.own.get(surface), tab.territory)
        name = match.group("name")
        if name is None:  # pragma: no cover - the pattern always sets one of them
            return None
        return _choose(tab.names.get(name.lower(), ()), self.dollar, region, None, tab.territory)


def _choose(
    codes: tuple[str, ...], dollar: str | None, region: str | None, own: str | None, territory: str | None
) -> str | None:
    if len(codes) == 1:
        return codes[0]
    for preferred in (dollar, region, own):
        if preferred is not None and preferred in codes:
            return preferred
    for preferred in SDR_BASKET:
        if preferred in codes:
            return preferred
    if territory is not None and territory in codes:
        return territory
    return None


def _region_currency(region: str | None) -> str | None:
    if not region:
        return None
    from newsnorm._resources import cached

    def build() -> str | None:
        from babel.numbers import get_territory_currencies

        try:
            found = get_territory_currencies(region)
        except Exception:
            return None
        return found[0] if found else None

    return cached(("newsnorm_currency.region", region), build)


def _amount(number: str, decimal: str, exponent: int) -> int | float | None:
    """Read "1,234.5" / "1.234,5" / "1 234" / "3,2" with the locale's decimal symbol in mind."""
    if len(number) > 64:  # no real amount has that many digits; keeps int/str conversions small
        return None
    seps = _SEPARATORS.findall(number)
    digits = number
    if seps:
        last = seps[-1]
        if len(set(seps)) > 1:
            point = last  # "1,234.5": the last, different separator is the decimal one
        elif len(seps) > 1:
            point = None  # "1,234,567": grouping only
        else:
            after = len(number) - number.rindex(last) - 1
            point = last if (after != 3 or last == decimal) and last in ".," else None
        if point is None:
            digits = _SEPARATORS.sub("", number)
        else:
            head, _, tail = number.rpartition(point)
            digits = _SEPARATORS.sub("", head) + "." + tail
    try:
        amount = Decimal(digits).scaleb(exponent)
    except (InvalidOperation, ValueError):  # pragma: no cover - the pattern only lets digits through
        return None
    if amount == amount.to_integral_value():
        return int(amount)
    return float(amount)

