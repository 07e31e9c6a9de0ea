"""The words a figure's fields may take: units, measures, qualifiers, organisations, periods.

Why derived, not listed: the extractor's own vocabularies live in the lexicon
(``newsnumbers/lexicon/``) and in the measure rules; a hand correction must
speak the same language, or a chart that selects ``market_value_loss`` never
sees a row an analyst fixed to ``market-value-loss``. Building the lists from
the same files means a word added to the lexicon is at once a valid correction.
"""
from __future__ import annotations

import math
import re
from functools import lru_cache

from .engine.attribute.measures import STRUCTURAL_MEASURES
from .lexicon import cldr, load, read_rows
from .schema import PERCENT_UNITS, QUALIFIERS

#: The measure a token price gets (plus ``_input``, ``_output``, ``_cached`` from grammar_words.csv's rate directions).
TOKEN_PRICE = "price_per_million_tokens"
#: What a figure without any cue measures.
OTHER = "other"


@lru_cache(maxsize=1)
def units() -> frozenset[str]:
    """Currency codes (lexicon and CLDR), percent units and the counted nouns' units."""
    lex = load()
    codes = {code for r in lex.currencies if r["position"] != "never" for code in r["code"].split("|")}  # "JPY|CNY": either
    counted = {r["unit"] for r in lex.count_nouns} | set(STRUCTURAL_MEASURES)
    return frozenset(codes | set(cldr.active_codes()) | PERCENT_UNITS | counted)


@lru_cache(maxsize=1)
def measures() -> frozenset[str]:
    """Every measure the extractor can give: cue rules, levels, units that decide the measure, token prices."""
    lex = load()
    cued = {r["measure"] for r in lex.measures}
    levels = {r[c] for r in lex.level_measures for c in ("change", "level")}
    directions = set(lex.word_values("rate_direction").values())
    prices = {TOKEN_PRICE} | {f"{TOKEN_PRICE}_{d}" for d in directions}
    return frozenset(cued | levels | set(STRUCTURAL_MEASURES.values()) | prices | {OTHER})


@lru_cache(maxsize=1)
def organisations() -> frozenset[str]:
    """Canonical organisation names: organisations.csv, the owners in models.csv, named descriptions."""
    lex = load()
    named = {r["canonical"] for r in lex.organisations} | {r["organisation"] for r in lex.models}
    described = {r["refers_to"] for r in lex.descriptions if not r["refers_to"].startswith("sector:")}
    return frozenset(n for n in named | described if n)


#: What a period template's named field stands for: a count of years (2 or more, as the engine finds it) or a year.
PERIOD_FIELDS = {"n": r"(?:[2-9]|[1-9]\d+)", "year": r"\d{4}"}
#: How the form's choices fill a template's fields ("multi_year:{n}" -> "multi_year:4").
PERIOD_EXAMPLES = {"n": "4", "year": "2029"}


@lru_cache(maxsize=1)
def period_templates() -> tuple[str, ...]:
    """The values of the table's period column, as periods.csv writes them ("year", "multi_year:{n}", ...)."""
    return tuple(dict.fromkeys(r["period"] for r in read_rows("periods.csv")))


@lru_cache(maxsize=1)
def _period_pattern() -> re.Pattern[str]:
    def one(template: str) -> str:
        parts = re.split(r"\{(\w+)\}", template)  # text, field, text, field, ..., text
        return "".join(re.escape(p) if i % 2 == 0 else PERIOD_FIELDS[p] for i, p in enumerate(parts))
    return re.compile("|".join(f"(?:{one(t)})" for t in period_templates()))


def periods(seen: object = ()) -> list[str]:
    """Choices for a period: each template of periods.csv (its fields filled with an example), and ``seen``."""
    examples = [re.sub(r"\{(\w+)\}", lambda m: PERIOD_EXAMPLES[m.group(1)], t) for t in period_templates()]
    return sorted(set(examples) | {str(p) for p in seen if p and is_period(str(p))})


def is_period(text: str) -> bool:
    """Whether ``text`` is a value periods.csv can give ("multi_year:4" yes, "multi_year:1" and "yearly" no)."""
    return _period_pattern().fullmatch(text) is not None


def _finite(name: str, text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise ValueError(f"{name} is not a number: {text!r}") from None
    if math.isnan(value) or math.isinf(value):
        raise ValueError(f"{name} is not a finite number: {text!r}")
    return value


def _one_of(name: str, text: str, allowed: frozenset[str], where: str) -> str:
    if text not in allowed:
        near = sorted(a for a in allowed if a.lower() == text.lower() or a.lower().replace("_", "") == text.lower())
        hint = f" (did you mean {near[0]!r}?)" if near else ""
        raise ValueError(f"{name} {text!r} is not in the vocabulary{hint}; see {where}")
    return text


def checked(name: str, text: str) -> object:
    """``text`` as the value of field ``name``, typed; raises ValueError saying what is wrong and where to look.

    >>> checked("qualifier", "approx"), checked("value", "1e9")
    ('approx', 1000000000.0)
    """
    if name in ("value", "value_high"):
        return _finite(name, text)
    if name == "qualifier" and text not in QUALIFIERS:
        raise ValueError(f"qualifier must be one of {', '.join(sorted(QUALIFIERS))}, not {text!r}")
    if name == "unit":
        return _one_of("unit", text, units(), "README 'The table' (ISO 4217 code, percent, or a counted noun's unit)")
    if name == "measure":
        return _one_of("measure", text, measures(), "newsnumbers/lexicon/measures.csv and the README's measure list")
    if name == "period" and not is_period(text):
        return _one_of("period", text, frozenset(periods()), "newsnumbers/lexicon/periods.csv (column period; "
                       "{n} is a number of years, 2 or more, {year} four digits)")
    if name == "organisation":
        for part in text.split("|"):
            _one_of("organisation", part, organisations(), "newsnumbers/lexicon/organisations.csv (column canonical)")
    return text
