"""newsnorm-currency: a newsnorm plugin for amounts of money.

It registers :class:`CurrencyNormaliser` under the name ``"currency"`` in the
``newsnorm.normalisers`` entry-point group, so once the package is installed:

>>> import newsnorm
>>> "currency" in newsnorm.available()
True
>>> doc = newsnorm.Pipeline(["numbers", "currency"])("The EU pledged €3.2bn.", lang="en")
>>> [(m.kind, m.text, m.value, m.attrs) for m in doc.mentions if m.kind == "money"]
[('money', '€3.2bn', 3200000000, {'currency': 'EUR'})]

Importing this package is cheap: the CLDR tables are built on first use.
"""

from ._normaliser import CurrencyNormaliser

__all__ = ["CurrencyNormaliser"]
