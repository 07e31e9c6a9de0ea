"""The number grammar of one language, compiled from the lexicon.

Why its own module: the patterns are long and change when an analyst adds a
word; here each is written with ``re.VERBOSE`` and a comment per part, and
every word comes from ``newsnumbers/lexicon/`` (currencies, scales, number
words, qualifiers, and the small words in ``grammar_words.csv``), so the
parser in :mod:`recognise` only reads matches. Currencies, with the many
names CLDR adds, are matched by :mod:`currency`; the core pattern only asks
it where one may start.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .. import lexicon
from ..lexicon import in_order, literal
from . import numparse, wordscan
from .currency import Currencies, currencies
from .table import Table


@dataclass(frozen=True)
class Grammar:
    """The compiled patterns for one language."""

    language: str
    core: re.Pattern[str]
    trigger: wordscan.WordScan  # where a number in words may start (on lower-cased text)
    currency: Currencies  # currency words, codes and symbols before and after a number, and cents
    scale: re.Pattern[str]
    scale_values: Table
    percent: re.Pattern[str]
    count: re.Pattern[str]
    count_units: Table
    per: re.Pattern[str]
    per_before: re.Pattern[str]  # "pro Million Ausgabe-Token 2,19 Dollar": the rate named first
    per_bare: re.Pattern[str]  # "$0.10/million for input": a rate of a scale alone, its noun implied
    direction_gap: re.Pattern[str]  # "$2.50 output per 1M tokens": a direction between an amount and its rate
    per_units: Table
    range_sep: re.Pattern[str]
    qualifier: re.Pattern[str]
    qualifier_kinds: Table
    vague_values: Table
    fraction_values: Table  # "half a", "a quarter of a": the part of the scale word after it
    age: re.Pattern[str]
    rate_gate: re.Pattern[str]  # cheap check, on lower-cased text, that a rate word stands before a figure
    directions: dict[str, str]  # rate direction word (lower case) -> input, output, cached
    points_markers: tuple[str, ...]  # a percent word with one of these is in percentage points
    range_and: frozenset[str]  # separators that need ...
    range_and_after: re.Pattern[str]  # ... one of these words before the range ("zwischen 5 und 6")
    range_to: frozenset[str]  # separators that are a level, not a range, ...
    range_to_not_after: re.Pattern[str]  # ... after one of these words ("fell by $593bn to $2.9tn")
    list_sep: re.Pattern[str]  # "5 bzw. 3 Prozent": the numbers of a list share the last one's unit


def _literal_words(rows: list[lexicon.Row]) -> set[str]:
    """The literal leading letters of each pattern (up to the first regex syntax), for the prefilter."""
    out = set()
    for row in rows:
        for alt in row["pattern"].split("|"):
            lead = re.match(r"[A-Za-zÄÖÜäöüß]+", alt)
            if lead:
                out.add(lead.group()[:3])
    return out


def _rows_for(rows: list[lexicon.Row], language: str) -> list[lexicon.Row]:
    return [r for r in rows if r.fields.get("language", "any") in ("any", language)]


def trigger_words(language: str) -> list[str]:
    """Where a figure in words may start, as regexes for the lower-cased text.

    Candidate starts are a run of digits or a word that begins like a number
    word, vague magnitude or scale word. Only there is the full (slow,
    case-insensitive) core pattern tried.
    """
    lex = lexicon.load()
    free = [r for r in _rows_for(lex.scales, language) if r["attached"] != "yes"]  # "k", "bn" only follow digits
    atoms = sorted({w.lower() for w in numparse.atoms(language, articles=False)} |
                   {w.lower() for w in _literal_words(lex.vague + free)}, key=len, reverse=True)
    scale_starts = sorted({w.lower() for w in _literal_words(free)}, key=len, reverse=True)
    article = numparse.article_pattern(language).lower()
    one = currencies(language).one_lower  # "einen Euro"
    fractions = [re.escape(w.lower()) for w in lex.words("scale_fraction")]  # both languages': a German text may quote English
    return [re.escape(a) for a in atoms] + fractions + [  # "a quarter of a (trillion)"
        r"ein(?=und|hundert|tausend|halb|einhalb)",  # compounds: einhundert, eineinhalb
        article + r"(?=[\s-]+(?:halbe[n]?\s+)?(?:" + "|".join(map(re.escape, scale_starts)) + "))"] + ([one] if one else [])


# Digits as news write them: grouped by ".", "'", "’", no-break spaces, "," before exactly three digits, or a
# plain space before three digits that do not start a decimal; then an optional decimal part.
DIGITS = r"""
    \d{1,3}(?:(?:[.'’\u00a0\u202f]|,(?=\d{3}(?!\d))|[ ](?=\d{3}(?![\d.,]\d)))\d{3}(?!\d))+(?:[.,]\d+)?   # 1.234.567,8 (not 0.0008)
  | \d+(?:[.,]\d+)?                                                                              # 5,6 | 2.8 | 160
"""


@dataclass(frozen=True)
class _Words:
    """The lexicon's alternations for one language, as plain (non-verbose) regex text."""

    free_scales: str
    attached: str
    currency: str  # where a currency word, code or symbol starts
    currency_word: str  # the same without codes (after "einen")
    one: str  # an article meaning 1 before a currency ("einen Euro"); "" when the language has none
    count: str
    vague: str
    percent: str
    number_word: str
    article: str
    per_nouns: str
    glued_codes: str  # three-letter currency codes a number may follow with no space ("RMB2.9 billion", "USD5m")


def _words(language: str) -> _Words:
    lex = lexicon.load()
    scales = _rows_for(lex.scales, language)
    return _Words(
        free_scales=lexicon.alternation([r["pattern"] for r in scales]),
        attached=lexicon.alternation([r["pattern"] for r in scales if r["attached"] == "yes"]),
        currency=currencies(language).unit_start,
        currency_word=currencies(language).word_start,
        one=currencies(language).one,
        count=lexicon.alternation([r["pattern"] for r in lex.count_nouns]),
        vague=lexicon.alternation([r["pattern"] for r in lex.vague]),
        percent="|".join(lex.words("percent")),
        number_word=numparse.number_word_pattern(language),
        article=numparse.article_pattern(language),
        per_nouns=lexicon.alternation([r["pattern"] for r in lex.per_nouns]),
        glued_codes="|".join(sorted(set(currencies(language).vocab.codes)
                                    | {r["pattern"] for r in lex.currencies if re.fullmatch("[A-Z]{3}", r["pattern"])})),
    )


def core_pattern(w: _Words) -> re.Pattern[str]:
    """Where a figure's number starts: digits, a number word, a vague magnitude or a bare scale word.

    Number words, vague magnitudes and bare scale words count only when a unit
    follows, which keeps "ein"/"drei" in prose out.
    """
    lex = lexicon.load()
    of, half, age = (in_order(lex.words(r)) for r in ("of", "half", "age_suffix"))
    fractions = in_order([w.replace(" ", r"\s+") for w in lex.words("scale_fraction")]) or "(?!)"  # "half\u00a0a billion"
    count_noun = rf"(?:[\w.]+[\s-]){{0,2}}?(?:[\w]+-)*{w.count}"  # "Nvidia-KI-Chips", "H800 GPUs"
    unitish = literal(rf"(?:{w.free_scales}|{w.percent}|{w.currency}|{count_noun})\b")  # cheap checks first
    one = rf"| {literal(w.one)} (?=\s+{literal(w.currency_word)})" if w.one else ""  # an article before a currency: einen Euro
    return re.compile(rf"""
        (?:(?<![\w.,'’%=&\#@])|(?<=(?<!\w)(?-i:{w.glued_codes})))  # not inside a word, number, link or tag, unless
        (?<![^\W\d_]-)                               # after a currency code ("RMB2.9 billion"); not after "KI-";
        (?<![\W\d_]/)                                 # after a slash only a word's ("US-Dollar/3,28 Billionen Euro"), not "24/7"
        (?:
            (?P<num>{DIGITS})                          # digits: 5,6 | 2.000 | 160'000
            (?:(?P<att>{literal(w.attached)})(?![\w]))?  # a scale letter attached: 5bn, 100k
          | (?P<frac>(?<![\w-]){literal(fractions)})(?=[\s-]+{literal(w.free_scales)})  # a scale's part: half a (billion)
          | (?P<word>(?<![\w-]){literal(w.number_word)}  # a number word: sechs, zweieinhalb, twenty-one
              | {literal(w.article)}                     # or an article before a scale: eine (halbe) Milliarde
                (?=[\s-]+(?:{literal(half)}\s+)?{literal(w.free_scales)})
              {one})
            (?=[\s-]+{unitish}|{literal(age)})           # ... only when a unit or an age follows
          | (?P<vague>(?<![\w-]){literal(w.vague)})      # a vague magnitude: Hunderte, thousands
            (?=[\s-]+(?:{literal(of)}\s+)?{unitish})     # ... followed (after von/of) by a unit
          | (?P<bare>(?<![\w-]){literal(w.free_scales)}) # a bare scale word: Milliarden
            (?=\s+(?:{literal(of)}\s+)?{literal(w.currency)}\b)  # ... followed by a currency
        )""", re.IGNORECASE | re.VERBOSE)


def rate_body(w: _Words) -> str:
    """The words of a rate after an amount, as verbose regex text: 'pro Million Input-Token', 'per 1M tokens', '/M'."""
    lex = lexicon.load()
    rate_word, one = literal(in_order(lex.words("rate_word"))), literal(in_order(lex.words("rate_one")))
    direction, rate_for = literal("|".join(lex.words("rate_direction"))), literal(in_order(lex.words("rate_for")))
    return rf"""
        (?:{rate_word}\s+|/\s*)                        # pro, per, je, for every, für, or a slash
        (?:{one}\s+)?                                  # eine, a, one, every
        (?:(?P<pnum>\d+(?:[.,]\d+)?)\s*)?              # a number: pro 1.000, per 1M
        (?:(?P<pscale>{literal(w.free_scales)}|{literal(w.attached)}|M)\s+)?   # a scale: Million, M
        (?:(?P<pdir>{direction})[\s-]*                 # which tokens: input, Ausgabe, cached
          | (?:{direction})-?\s*(?:/|and|und|bzw\.)\s*(?:{direction})[\s-]*)?  # or both ("per million input/output tokens")
        (?P<pnoun>{literal(w.per_nouns)})              # the noun: Token, share, hour
        (?:(?=[^\S\n]+(?:{rate_for}\s+)?(?P<pdir_after>{direction})(?![\w-]))|)  # "… tokens for cache hits", "/MTok input" (same line)
    """


def rate_direction(g: Grammar, rate: re.Match[str], gap: re.Match[str] | None) -> str:
    """The direction a rate names ("per million input tokens", "/M input") or the word between the amount and
    its rate names ("$2.50 output per 1M tokens"): input, output, cached, or ""."""
    word = rate["pdir"] or rate.groupdict().get("pdir_after") or (gap.groupdict().get("gdir") if gap else None)
    return g.directions.get((word or "").lower(), "")


def bare_rate_body(w: _Words) -> str:
    """A rate that names its scale but no noun ("$0.10/million for input", "2 Dollar pro Million."):
    the pipeline supplies the noun (tokens) where the article prices tokens. A word after the scale
    other than "for input" means the rate is of something else ("per million people"), so none is read."""
    lex = lexicon.load()
    rate_word, one = literal(in_order(lex.words("rate_word"))), literal(in_order(lex.words("rate_one")))
    direction, rate_for = literal("|".join(lex.words("rate_direction"))), literal(in_order(lex.words("rate_for")))
    return rf"""
        \s*(?:{rate_word}\s+|/\s*)                     # pro, per, je, for every, für, or a slash
        (?:{one}\s+)?                                  # eine, a, one
        (?:(?P<pnum>\d+(?:[.,]\d+)?)\s*)?              # a number: per 1M
        (?P<pscale>{literal(w.free_scales)}|(?-i:M))   # the scale: million, Mio., M (never m: a month)
        (?=\s+(?:{rate_for}\s+)?(?P<pdir>{direction})(?![\w-])  # (for) input, für Output (not in the quote)
          | (?![\w-]|\s+[^\W\d_]))                     # or no word after it
    """


def qualifier_pattern() -> re.Pattern[str]:
    """A qualifier right before a figure, searched on the lower-cased text (case-sensitive is faster)."""
    lex = lexicon.load()
    words = sorted((r["pattern"].lower() for r in lex.qualifiers), key=len, reverse=True)
    filler = literal(in_order([p.lower() for p in lex.words("qualifier_filler")]))
    article = literal(in_order([p.lower() for p in lex.words("qualifier_article")]))
    return re.compile(rf"""
        (?P<q>{literal(wordscan.word_alternation(words))})   # mehr als, fast, bis zu, about
        \s+(?:{filler}\s+)?                                 # nur, gerade einmal, only, jeweils
        (?:{article}\s+)?$                                  # den, the
    """, re.VERBOSE)


@lru_cache(maxsize=2)
def grammar(language: str) -> Grammar:
    """Build (once per language) the patterns from the lexicon."""
    lex = lexicon.load()
    w = _words(language)
    scales = _rows_for(lex.scales, language)
    of = literal(in_order(lex.words("of")))
    rate_filler = literal(in_order(lex.words("rate_filler")))
    separators = literal(in_order(lex.words("range_sep") + lex.words("range_to") + lex.words("range_and")))
    age_suffix, age_phrase = literal(in_order(lex.words("age_suffix"))), literal(in_order(lex.words("age_phrase")))
    verbose_i = lambda p: re.compile(p, re.IGNORECASE | re.VERBOSE)  # noqa: E731
    compile_i = lambda p: re.compile(p, re.IGNORECASE)  # noqa: E731
    table = lambda rows, value: Table([(compile_i(rf"(?:{r['pattern']})$"), value(r)) for r in rows])  # noqa: E731
    body = rate_body(w)
    return Grammar(
        language=language,
        core=core_pattern(w),
        trigger=wordscan.WordScan(trigger_words(language), before="boundary"),
        currency=currencies(language),
        # "300-plus million": a bound between the number and its scale (grammar_words role scale_plus)
        scale=verbose_i(rf"[\s-]* (?:(?P<plus>{literal(in_order(lex.words('scale_plus')))})[\s-]+)? (?:{of}\s+)? "
                        rf"(?P<scale>{literal(w.free_scales)}) (?![\w])"),
        scale_values=table(scales, lambda r: float(r["multiplier"])),
        percent=verbose_i(rf"\s? (?P<pct>{literal(w.percent)}) (?![\w])"),
        count=verbose_i(rf"""
            [\s-]+ (?:{of}\s+)?                # 2.000 (von) ...
            (?:(?!\d)(?:[\w.]+)[\s-]){{0,2}}?  # up to two words before the noun: Nvidia H800; no number
                                               # ("Claude Sonnet 4 umfasst 200.000 Token": the 4 counts no tokens;
                                               # "Llama 3 on 16K H100s": nor does the 3)
            (?:\w+-)*                          # compound parts: KI-Chips
            (?P<noun>{literal(w.count)})\b"""),
        count_units=table(lex.count_nouns, lambda r: r["unit"]),
        per=verbose_i(r"\s*" + body + r"(?![\w])"),
        per_before=verbose_i(body + rf"\s+(?:{rate_filler}\s+)?$"),
        per_bare=verbose_i(bare_rate_body(w)),
        direction_gap=verbose_i(rf"\s+(?P<gdir>{literal('|'.join(lex.words('rate_direction')))})(?=\s+\S)"),
        per_units=table(lex.per_nouns, lambda r: r["per"]),
        range_sep=verbose_i(rf"\s* {separators} \s*"),
        qualifier=qualifier_pattern(),
        qualifier_kinds=table(lex.qualifiers, lambda r: r["qualifier"]),
        vague_values=table(lex.vague, lambda r: float(r["value"])),
        fraction_values=Table([(re.compile(rf"(?i){p}$"), float(v)) for p, v in lex.word_values("scale_fraction").items()]),
        age=verbose_i(rf"{age_suffix}\b | \s+{age_phrase}\b"),
        # written with a literal first in every branch so the engine can skip ahead
        rate_gate=re.compile(wordscan.word_alternation([p.lower() for p in lex.words("rate_gate")], "boundary")
                             + r"\s|/"),
        directions={p.lower(): v for p, v in lex.word_values("rate_direction").items()},
        points_markers=tuple(p.lower() for p in lex.words("points_marker")),
        range_and=frozenset(p.lower() for p in lex.words("range_and")),
        range_and_after=re.compile(rf"\b{in_order([p.lower() for p in lex.words('range_and_after')])}\b"),
        range_to=frozenset(p.lower() for p in lex.words("range_to")),
        range_to_not_after=re.compile(rf"\b{in_order([p.lower() for p in lex.words('range_to_not_after')])}\s*$"),
        list_sep=compile_i(rf"\s*{in_order(lex.words('list_sep'))}\s+"),
    )


SCALE_ABBREV = {1e3: "K", 1e6: "M", 1e9: "B", 1e12: "T"}


def per_text(g: Grammar, p: re.Match[str]) -> str:
    """A rate's noun as the table writes it ("1M tokens", "share"), from the matched rate words."""
    noun = g.per_units.get(p["pnoun"], p["pnoun"].lower()) if p.groupdict().get("pnoun") else ""  # "/million": implied
    amount = numparse.parse_digits(p["pnum"], g.language) if p["pnum"] else 1.0
    if p.group("pscale"):  # the rate's bare "M" ("/1M Token") is a million in every language
        amount *= g.scale_values.get(p.group("pscale"), 1e6 if p.group("pscale") == "M" else 1.0)
    prefix = ""
    if amount != 1.0:
        for mult, letter in sorted(SCALE_ABBREV.items(), reverse=True):
            if amount >= mult and amount % mult == 0:
                prefix = f"{amount / mult:g}{letter} "
                break
        else:
            prefix = f"{amount:g} "
    elif p.group("pscale"):
        prefix = "1" + SCALE_ABBREV.get(g.scale_values.get(p.group("pscale"), 1.0), "") + " "
    return (prefix + noun).strip()
