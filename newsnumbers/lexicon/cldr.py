"""Currency names, ISO codes and symbols from the Unicode CLDR, read through Babel.

Why: ``currencies.csv`` lists by hand the dozen currencies news name most
and the colloquial words ("Dollar", "Franken", "Pfund"). CLDR knows every
active ISO 4217 currency with its German and English names in each plural
form ("Schwedische Kronen", "South Korean won"), so those are added here at
lexicon load instead of being typed in. They are built once per process
(about 30 ms) from the Babel version pinned in ``requirements.txt``, so the
vocabulary changes only when that pin does; built at load rather than
generated into a committed CSV, there is no second copy to keep in step. Babel is imported only then, so
``import newsnumbers`` stays as quick as before. Hand rows stay in charge: the
engine prefers them when both match the same text, and ``never`` rows there
block generated codes that are also ordinary words ("TOP", "AMD").
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from itertools import product
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from babel import Locale

LOCALES = ("de", "en")
# One count per plural category in most languages (Babel picks the form by count); None = the display name.
COUNTS = (None, 1, 2, 0, 3, 5, 11, 21, 101, 1.5, 0.5)
# German adjectives inflect ("Japanischer Yen", "japanischen Yen"): a word ending in one of these stems
# followed by an ending takes every ending. A general rule, not a list of currencies.
ADJECTIVE = re.compile(r"(.*(?:isch|neu))(?:e|er|es|en|em)")
ENDINGS = ("e", "er", "es", "en", "em")


@dataclass(frozen=True)
class Vocabulary:
    """What CLDR adds to the hand list.

    ``names`` maps a folded name (lower case, words joined by one space, see
    :func:`fold_name`) to its code; names that two currencies share
    ("CFA-Franc") are left out. ``symbols`` holds the symbols with a currency
    sign that stand for one currency only ("₩", "R$"); plain codes are in ``codes``.
    """

    names: dict[str, str]
    codes: frozenset[str]
    symbols: dict[str, str]


NEW = {"new", "neuer", "neue", "neuen", "neuem", "neues"}  # a name's first word news drop: "Neuer Taiwan-Dollar" is "Taiwan-Dollar"


def fold_name(text: str) -> str:
    """A name as the lookup key: lower case, without a parenthesis, hyphens and spaces as one space.

    >>> fold_name("CFA-Franc (BEAC)"), fold_name("Hongkong-Dollar"), fold_name("US  dollars")
    ('cfa franc', 'hongkong dollar', 'us dollars')
    """
    text = re.sub(r"\s*\([^)]*\)", "", text)
    return re.sub(r"[\s\-\u00a0]+", " ", text.strip().lower())


def _ascii(name: str) -> str:
    """'złoty' -> 'zloty', 'colón' -> 'colon': news often drop the accents."""
    if name.isascii():
        return name
    plain = unicodedata.normalize("NFKD", name.replace("ł", "l"))
    return "".join(ch for ch in plain if not unicodedata.combining(ch))


def inflections(name: str) -> set[str]:
    """Every ending of the German adjectives in a folded name (the noun, last, stays).

    >>> sorted(inflections("japanischer yen"))[:3]
    ['japanische yen', 'japanischem yen', 'japanischen yen']
    >>> inflections("schweizer franken")
    {'schweizer franken'}
    """
    words = name.split(" ")
    choices = []
    for word in words[:-1]:
        m = ADJECTIVE.fullmatch(word)
        choices.append([m.group(1) + e for e in ENDINGS] if m else [word])
    return {" ".join([*combo, words[-1]]) for combo in product(*choices)}


def active_codes() -> list[str]:
    """ISO codes that are legal tender today somewhere, by CLDR's territory table.

    "Today" is an open end date in the data, not the clock, so the list only
    changes with Babel's version. Historical currencies (Mark, Franc) and
    funds or metals (XDR, XAU) are left out.
    """
    from babel.core import get_global

    table = get_global("territory_currencies")
    return sorted({code for spans in table.values() for code, _, end, tender in spans if end is None and tender})


def _counts(locale: Locale) -> list[float | None]:
    """One count per plural category of ``locale`` (and None for the display name): fewer calls to Babel."""
    by_tag: dict[str, float] = {}
    for count in COUNTS[1:]:
        by_tag.setdefault(locale.plural_form(count), count)
    return [None, *by_tag.values()]


def _names(codes: list[str]) -> dict[str, str]:
    from babel import Locale
    from babel.numbers import get_currency_name

    found: dict[str, set[str]] = {}
    for language in LOCALES:
        locale = Locale.parse(language)
        counts = _counts(locale)
        for code, count in product(codes, counts):
            name = fold_name(get_currency_name(code, count, locale))
            if name == code.lower():
                continue  # CLDR gives the code when it has no name ("XCG"); codes are matched apart
            forms = inflections(name) if language == "de" else {name}
            forms |= {f.split(" ", 1)[1] for f in forms if f.split(" ", 1)[0] in NEW and f.count(" ") >= 2}  # "Taiwan-Dollar"
            for form in forms | {_ascii(f) for f in forms}:
                found.setdefault(form, set()).add(code)
    return {name: next(iter(codes)) for name, codes in found.items() if len(codes) == 1}


def _symbols(codes: list[str]) -> dict[str, str]:
    from babel.numbers import get_currency_symbol

    found: dict[str, set[str]] = {}
    for code, locale in product(codes, LOCALES):
        symbol = get_currency_symbol(code, locale)
        if any(unicodedata.category(ch) == "Sc" for ch in symbol):
            found.setdefault(symbol, set()).add(code)
    return {symbol: next(iter(codes)) for symbol, codes in found.items() if len(codes) == 1}


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    """CLDR's currency names, codes and symbols, built once per process."""
    codes = active_codes()
    return Vocabulary(_names(codes), frozenset(codes), _symbols(codes))


@lru_cache(maxsize=1)
def cities() -> frozenset[str]:
    """The cities CLDR names time zones after, in their English and German forms ("Shanghai", "Zurich", "Zürich",
    "Peking"): about 450 of the world's large cities, a place where a headline opens with one ("Shanghai: …"), no
    company the lexicon lacks. From the pinned Babel, as the currencies are; the lexicon maps the cities news name
    most to their countries (``organisations.csv``)."""
    from babel import Locale
    from babel.core import get_global

    names = {zone.rsplit("/", 1)[-1].replace("_", " ") for zone in get_global("zone_territories")}
    for lang in LOCALES:
        names |= {row["city"] for row in Locale(lang).time_zones.values() if "city" in row}
    return frozenset(n for n in names if n[:1].isupper())
