"""Find figures in text: the number, its scale, unit, rate, range and qualifier.

A figure is a number that carries a unit: a currency, a percent sign, or a
counted noun from the lexicon ("2.000 Chips"). Bare numbers (years, dates,
ranks, the digits in "GPT-4") are not figures, which is what keeps precision
high on articles nobody has seen. One compiled regex finds candidate number
cores at C speed; a short hand parser then reads the words to the right
(range, scale, unit, rate) and to the left (currency symbol, qualifier).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from . import currency, numparse
from .casefold import fold
from .currency import Hit
from .grammar import Grammar, grammar, per_text, rate_direction
from .qualifiers import read_qualifier

_DIGITS = re.compile(r"\d+")
_PAREN = re.compile(r"\)|\s*\([^()]{1,30}\)")  # a conversion or label between an amount and its rate
_OPEN = re.compile(r"[ \t]*\(")  # a rate in brackets: "$10 (per 1M tokens)", "$10 output (per 1M tokens)"


@dataclass(slots=True)
class Figure:
    """One recognised figure, before attribution."""

    start: int
    end: int
    value: float
    value_high: float | None
    unit: str
    per: str
    qualifier: str
    kind: str  # money, percent, count
    direction: str = ""  # input/output/cached for token prices


def _core_value(g: Grammar, m: re.Match[str]) -> tuple[float, bool, bool]:
    """(value, is_vague, has_scale) of a core match, before scale words that follow."""
    if m.group("num"):
        value = numparse.parse_digits(m.group("num"), g.language)
        if m.group("att"):
            return value * g.scale_values.get(m.group("att"), 1.0), False, True
        return value, False, False
    if m.group("word"):
        word = m.group("word")
        try:
            return numparse.parse_words(word, g.language), False, False
        except ValueError:
            return 1.0, False, False  # an article before a scale word: "eine Million"
    if m.group("frac"):
        return g.fraction_values.get(" ".join(m.group("frac").split()), 1.0), False, False  # "half a billion": the scale multiplies it
    if m.group("vague"):
        return g.vague_values.get(m.group("vague"), 1.0), True, False
    return g.scale_values.get(m.group("bare"), 1.0), True, True


def _read_quantity(g: Grammar, text: str, m: re.Match[str]) -> tuple[float, bool, bool, int]:
    """Read core + following scale words; returns (value, vague, has_scale, end)."""
    value, vague, has_scale = _core_value(g, m)
    pos = m.end()
    # "Hunderte von Milliarden", "5,6 Millionen", "eine halbe Milliarde"
    while True:
        s = g.scale.match(text, pos)
        if not s or (has_scale and not vague and m.group("bare") is None and m.group("att")):
            break
        value *= g.scale_values.get(s.group("scale"), 1.0)
        has_scale = True
        pos = s.end()
        if not vague:
            break
    return value, vague, has_scale, pos


def find_figures(text: str, language: str, start: int = 0, end: int | None = None,
                 folded: str | None = None) -> list[Figure]:
    """All figures in text[start:end], in order, non-overlapping (``folded``: the text's :func:`casefold.fold`)."""
    g = grammar(language)
    end = len(text) if end is None else end
    lowered = fold(text) if folded is None else folded
    out: list[Figure] = []
    pos = start
    # two simple scans (digit runs; word starts) run far faster than one alternation
    candidates = list(map(re.Match.start, _DIGITS.finditer(text, start, end)))  # read in C, not by a comprehension
    candidates += [a for a, _ in g.trigger.spans(lowered, start, end)]
    candidates.sort()  # two sorted runs: merged in linear time
    for cand in candidates:
        if cand < pos:
            continue
        m = g.core.match(text, cand, end)
        if not m:
            continue
        fig = _parse_at(g, text, m, end, lowered)
        if fig is None or fig.kind != "money" and cand > 0 and text[cand - 1].isalpha():
            continue  # a number glued to a currency code is that money ("RMB2.9 billion"), no count ("AMD64 processors")
        out.append(fig)
        pos = fig.end
    return out


@dataclass(slots=True)
class _Reading:
    """A figure being read, left to right: each step below fills in its part or rejects it."""

    start: int
    pos: int  # how far the figure reaches so far
    value: float
    vague: bool
    has_scale: bool
    pre: Hit | None  # a currency symbol or code before the number ("$", "US$", "CHF")
    value_high: float | None = None
    qualifier: str = "exact"
    unit: str = ""
    kind: str = ""
    per: str = ""
    direction: str = ""


def _parse_at(g: Grammar, text: str, m: re.Match[str], limit: int, lowered: str) -> Figure | None:
    """Read the figure whose number the core pattern matched at ``m``, or None when it carries no unit.

    The steps: the number and its scale words; a currency symbol before it; a
    range to a second number; the unit after it (currency, percent, counted
    noun, age; or a scale alone, whose currency the sentence may imply); a
    rate ("pro Million Token", or named before the amount); the qualifier
    before it ("mehr als", "about").

    >>> f = _parse_at(grammar("de"), "fast 5,6 Mio. Dollar", grammar("de").core.match("fast 5,6 Mio. Dollar", 5),
    ...               20, "fast 5,6 mio. dollar")
    >>> (f.start, f.end, f.value, f.unit, f.qualifier)
    (0, 20, 5600000.0, 'USD', 'approx')
    """
    try:
        value, vague, has_scale, pos = _read_quantity(g, text, m)
    except (ValueError, OverflowError):
        return None
    start = m.start()  # the core match begins with its number, word, vague or bare group
    pre = g.currency.before.search(lowered, max(0, start - 8), start) if m.group("num") else None
    pre = currency.before(g.currency, text, lowered, start, pre) if pre else None  # "$", "CHF "
    plus = has_scale and not vague and (s := g.scale.match(text, m.end())) is not None and s.group("plus")  # "300-plus million"
    r = _Reading(pre.start if pre else start, pos, value, vague, has_scale, pre,
                 qualifier="lower_bound" if vague or plus else "exact")
    _read_range(g, text, lowered, m, r, limit)
    if not _read_unit(g, text, lowered, m, r, limit):
        return None
    if r.kind == "money":
        _read_rate(g, text, lowered, r, limit)
    read_qualifier(g, lowered, r)
    return Figure(r.start, r.pos, r.value, r.value_high, r.unit, r.per, r.qualifier, r.kind, r.direction)


_OF_BEFORE = re.compile(r"(?i)\b(?:of|von|between|zwischen)\s+$")  # "growth of 34% to 35%": a range, not a change


def _read_range(g: Grammar, text: str, lowered: str, m: re.Match[str], r: _Reading, limit: int) -> None:
    """A range: "60 bis 65 Milliarden", "hunderte Millionen bis hin zu Milliarden", "between $60bn and $65bn", "34% to 35%".

    "und"/"and" joins a range only after "zwischen"/"between"; "to" after
    "by"/"from" starts a new level ("fell by $593bn to $2.9tn"), not a range.
    A scale word after the second number serves both ("60 bis 65 Milliarden").
    """
    sep = g.range_sep.match(text, r.pos, limit)
    pct = None if sep else g.percent.match(text, r.pos, limit)  # "34% to 35%": the sign written twice
    sep = sep or (g.range_sep.match(text, pct.end(), limit) if pct else None)
    if not sep:
        return
    m2 = g.core.match(text, sep.end(), limit)
    if pct and not (m2 and g.percent.match(text, _read_quantity(g, text, m2)[3], limit) and (
            sep.group().strip().lower() not in g.range_to or _OF_BEFORE.search(text, max(0, r.start - 12), r.start))):
        return  # a second percent makes a range ("34% bis 35%"); with "to" only after "of" ("rose 3% to 40%": a level)
    ahead = None if m2 else currency.ahead(g.currency, text, lowered, sep.end(), limit)
    if ahead is not None:  # "between $60 billion and $65 billion"
        m2 = g.core.match(text, ahead, limit)
    word = sep.group().strip().lower()
    left = text[max(0, r.start - 12):r.start].lower()
    between = (word not in g.range_and or bool(g.range_and_after.search(left))) and not (
        word in g.range_to and g.range_to_not_after.search(left))
    pre2 = _before(g, text, lowered, m2.start()) if m2 and m2.group("num") else None
    if not (m2 and between and (not pre2 or r.pre)):
        return
    try:
        high, vague2, scale2, pos2 = _read_quantity(g, text, m2)
    except ValueError:
        return
    if scale2 and not r.has_scale and not r.vague:
        first = (numparse.parse_words(m2.group("word"), g.language) if m2.group("word") else
                 numparse.parse_digits(m2.group("num"), g.language) if m2.group("num") else 1.0)
        r.value *= high / first
        r.has_scale = True
    if high >= r.value:
        r.value_high, r.pos, r.qualifier = high, pos2, "range"
        r.vague = r.vague or vague2


def _read_unit(g: Grammar, text: str, lowered: str, m: re.Match[str], r: _Reading, limit: int) -> bool:
    """The unit after the number: a currency, percent, counted noun or age; False when there is none.

    A currency may be a minor unit ("50 Cent") or be followed by cents ("zwei Euro fünfzig"); one written after the
    number wins over one before it. A scaled number alone ("auf 2,9 Billionen") is kept as ``scaled``: the pipeline
    gives it the currency named earlier in its sentence, or drops it.
    """
    found = g.currency.after.match(lowered, r.pos, limit)
    cur = currency.after(g.currency, text, found) if found.lastindex else None  # most numbers have none: no call
    pct = g.percent.match(text, r.pos, limit) if not cur else None
    cnt = g.count.match(text, r.pos, limit) if not cur and not pct else None
    age = g.age.match(text, r.pos, limit) if not (cur or pct or cnt) else None
    if cur:
        r.unit, r.kind, r.pos = cur.code, "money", cur.end
        if cur.divisor != 1 or not (r.has_scale or r.vague or r.value_high is not None):
            _read_cents(g, text, r, cur, limit)
    elif r.pre:
        r.unit, r.kind = r.pre.code, "money"
    elif pct:
        word = pct.group("pct").lower()
        r.unit = "percentage_points" if any(p in word for p in g.points_markers) else "percent"
        r.kind, r.pos = "percent", pct.end()
    elif cnt:
        r.unit, r.kind, r.pos = g.count_units.get(cnt.group("noun"), cnt.group("noun")), "count", cnt.end()
    elif age and not r.vague and m.group("num"):
        r.unit, r.kind, r.pos = "years", "count", age.end()
    elif r.has_scale and not r.vague and not m.group("att"):
        r.kind = "scaled"
    else:
        return _shared_unit(g, text, lowered, m, r, limit)
    return True


def _shared_unit(g: Grammar, text: str, lowered: str, m: re.Match[str], r: _Reading, limit: int) -> bool:
    """A number of a list takes the unit (and scale) of the list's last number: "um 5 bzw. 3 Prozent",
    "80, 75 und 100 Milliarden Dollar". Only digits that are no year ("2024 und 3 Prozent" is no list)."""
    num = m.group("num")
    if not num or m.group("att") or r.vague or r.pre or (len(num) == 4 and num.isdigit() and 1900 <= int(num) <= 2100):
        return False
    sep = g.list_sep.match(text, r.pos, limit)
    nxt = g.core.match(text, sep.end(), limit) if sep else None
    if not nxt or not nxt.group("num") or _before(g, text, lowered, nxt.start()):
        return False
    last = _parse_at(g, text, nxt, limit, lowered)
    if last is None or last.kind == "scaled" or last.value_high is not None:
        return False
    try:
        factor = last.value / numparse.parse_digits(nxt.group("num"), g.language) if not r.has_scale else 1.0
    except (ValueError, ZeroDivisionError):
        return False
    r.value *= factor if last.kind == "money" else 1.0
    r.unit, r.kind, r.per = last.unit, last.kind, last.per
    return True


def _before(g: Grammar, text: str, lowered: str, start: int) -> Hit | None:
    """A currency written before the number at ``start`` ("$", "CHF "), if any."""
    m = g.currency.before.search(lowered, max(0, start - 8), start)
    return currency.before(g.currency, text, lowered, start, m) if m else None


def _read_cents(g: Grammar, text: str, r: _Reading, cur: Hit, limit: int) -> None:
    """A minor unit ("50 Cent" is 0.50) or cents after a whole amount ("zwei Euro fünfzig", "15 Dollar und 15 Cent")."""
    if cur.divisor != 1:
        r.value /= cur.divisor
        r.value_high = None if r.value_high is None else r.value_high / cur.divisor
    elif not (r.has_scale or r.vague or r.value_high is not None) and r.value.is_integer():
        cents = currency.cents(g.currency, text, r.pos, limit, cur.code)
        if cents:
            r.pos, r.value = cents[0], (r.value * 100 + cents[1]) / 100


def _in_brackets(g: Grammar, text: str, at: int, limit: int) -> re.Match[str] | None:
    """A rate in brackets right at ``at`` ("$10 (per 1M tokens)"): the amount's own, though the quote ends before it."""
    o = _OPEN.match(text, at, limit)
    return g.per.match(text, o.end(), limit) if o else None


def _read_rate(g: Grammar, text: str, lowered: str, r: _Reading, limit: int) -> None:
    """A money figure's rate: after it ("2,19 Dollar pro Million Token") or named first ("pro Million Token 2,19 Dollar")."""
    p, q = g.per.match(text, r.pos, limit) or g.per_bare.match(text, r.pos, limit), None
    if p:
        r.pos = p.end()
    elif p := _in_brackets(g, text, r.pos, limit):
        pass
    elif q := _PAREN.match(text, r.pos, limit) or g.direction_gap.match(text, r.pos, limit):  # "12 yuan (US$1.77) for
        p = g.per.match(text, q.end(), limit) or g.per_bare.match(text, q.end(), limit) or (  # …", "$2.50 output per 1M."
            _in_brackets(g, text, q.end(), limit) if q.group().strip() != ")" else None)  # "$10 output (per 1M tokens)"
    elif g.rate_gate.search(lowered, max(0, r.start - 60), r.start):
        p = g.per_before.search(text, max(0, r.start - 60), r.start)
    if p:
        r.per, r.direction = per_text(g, p), rate_direction(g, p, q)
