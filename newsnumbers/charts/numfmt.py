"""Numbers formatted for the chart's locale: '5,6 Mio. $' in German, '$5.6M' in English.

German forms use no-break spaces (U+00A0) so a number never wraps away from its unit.
"""
from __future__ import annotations

import math

from ..schema import is_money

SYMBOL = {"USD": "$", "EUR": "€", "GBP": "£", "CNY": "¥", "JPY": "¥", "CHF": "CHF"}
SCALES = {"de": [(1e12, "Bio."), (1e9, "Mrd."), (1e6, "Mio."), (1e3, "Tsd.")],
          "en": [(1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K")]}


def _digits(x: float, locale: str, max_decimals: int = 1) -> str:
    text = f"{x:,.{max_decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    if locale == "de":
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text


def number(x: float, locale: str = "de", decimals: int = 1) -> str:
    """A short number with a scale word: 5600000 -> '5,6 Mio.' (de) / '5.6M' (en)."""
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return ""
    for mult, word in SCALES[locale]:
        if abs(x) >= mult and mult >= 1e6:
            return f"{_digits(x / mult, locale, decimals)}\u00a0{word}" if locale == "de" else f"{_digits(x / mult, locale, decimals)}{word}"
    if 0 < abs(x) < 0.01:  # a cache price of $0.003625 read "$0": two significant digits, never a zero
        return _digits(x, locale, 1 - math.floor(math.log10(abs(x))))
    if 0 < abs(x) < 1:  # an input price of $0.075 read "$0.07": three significant digits ("0,075 $", "0,15 $")
        return _digits(x, locale, 2 - math.floor(math.log10(abs(x))))
    return _digits(x, locale, 2 if abs(x) < 10 else decimals)


def money(x: float, unit: str = "USD", locale: str = "de", decimals: int = 1) -> str:
    """'5,6 Mio. $' / '$5.6M'; '2,2 $' / '$2.2'."""
    sym = SYMBOL.get(unit, unit)
    core = number(x, locale, decimals)
    if locale == "de":
        return f"{core}\u00a0{sym}"
    return f"{sym}{core}" if len(sym) == 1 else f"{sym}\u00a0{core}"


def percent(x: float, locale: str = "de") -> str:
    return f"{_digits(x, locale)}\u00a0%" if locale == "de" else f"{_digits(x, locale)}%"


def value(x: float, unit: str, locale: str = "de") -> str:
    """Format by unit: money, percent or a plain count."""
    if unit in ("percent", "percentage_points"):
        return percent(x, locale)
    if is_money(unit):
        return money(x, unit, locale)
    return number(x, locale)


def ratio(x: float, locale: str = "de") -> str:
    """'27' or '3,5' — for 'x-mal so teuer' / 'x times'."""
    return _digits(x, locale, 0 if x >= 10 else 1)


QUALIFIER_PREFIX = {"de": {"approx": "ca. ", "lower_bound": "mind. ", "upper_bound": "max. "},
                    "en": {"approx": "~", "lower_bound": "≥ ", "upper_bound": "≤ "}}


def qualified(text: str, qualifier: str, locale: str) -> str:
    """A formatted value with its qualifier's sign ('ca. 600 Mrd. $', '≥ $100M'): a headline or label that drops
    "rund"/"mehr als" states an estimate as exact."""
    return QUALIFIER_PREFIX[locale].get(qualifier, "") + text
