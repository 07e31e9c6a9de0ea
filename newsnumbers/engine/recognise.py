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
from functools import lru_cache

from .. import lexicon
from . import numparse, wordscan
from .casefold import fold

SCALE_ABBREV = {1e3: "K", 1e6: "M", 1e9: "B", 1e12: "T"}
_DIGITS = re.compile(r"\d+")
# cheap gate before the full rate pattern, on lower-cased text: \b(?:pro|per|je|für|for)\s|/
# written with a literal first in every branch so the engine can skip ahead
_RATE_WORD = re.compile(r"p(?<!\wp)(?:ro|er)\s|j(?<!\wj)e\s|f(?<!\wf)(?:ür|or)\s|/")


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


class Table:
    """Lexicon patterns with their values: the first pattern matching a word gives its value.

    Answers are remembered per word: the same few words ("Milliarden",
    "Dollar") come back thousands of times, and trying every pattern again
    was a good share of the recogniser's time.
    """

    _MISSING = object()

    def __init__(self, rows: list[tuple[re.Pattern[str], object]]):
        self.rows = rows
        self._known: dict[str, object] = {}

    def get(self, word: str, default=None):
        found = self._known.get(word, self._MISSING)
        if found is self._MISSING:
            found = next((value for regex, value in self.rows if regex.match(word)), None)
            if len(self._known) < 10_000:  # bounded: odd inputs must not grow it without end
                self._known[word] = found
        return default if found is None else found


@dataclass(frozen=True)
class Grammar:
    """The compiled patterns for one language."""

    language: str
    core: re.Pattern[str]
    trigger: wordscan.WordScan  # where a number in words may start (on lower-cased text)
    prefix: re.Pattern[str]
    prefix_ahead: re.Pattern[str]
    scale: re.Pattern[str]
    scale_values: Table
    currency_suffix: re.Pattern[str]
    currency_prefix_codes: Table
    currency_suffix_codes: Table
    percent: re.Pattern[str]
    count: re.Pattern[str]
    count_units: Table
    per: re.Pattern[str]
    per_before: re.Pattern[str]  # "pro Million Ausgabe-Token 2,19 Dollar": the rate named first
    per_units: Table
    range_sep: re.Pattern[str]
    qualifier: re.Pattern[str]
    qualifier_kinds: Table
    vague_values: Table
    age: re.Pattern[str]


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
    return [re.escape(a) for a in atoms] + [
        r"ein(?=und|hundert|tausend|halb|einhalb)",  # compounds: einhundert, eineinhalb
        article + r"(?=[\s-]+(?:halbe[n]?\s+)?(?:" + "|".join(map(re.escape, scale_starts)) + "))"]


@lru_cache(maxsize=2)
def grammar(language: str) -> Grammar:
    """Build (once per language) the patterns from the lexicon."""
    lex = lexicon.load()
    scales = _rows_for(lex.scales, language)
    free_scales = lexicon.alternation([r["pattern"] for r in scales])
    attached = lexicon.alternation([r["pattern"] for r in scales if r["attached"] == "yes"])
    cur_pre = lexicon.alternation([r["pattern"] for r in lex.currencies if r["position"] in ("prefix", "both")])
    cur_suf = lexicon.alternation([r["pattern"] for r in lex.currencies if r["position"] in ("suffix", "both")])
    count = lexicon.alternation([r["pattern"] for r in lex.count_nouns])
    vague = lexicon.alternation([r["pattern"] for r in lex.vague])
    words = numparse.number_word_pattern(language)
    article = numparse.article_pattern(language)
    percent = r"%|Prozent(?:punkte[n]?)?|per\s?cent|percent(?:age points?)?|Prozentpunkt"
    # what may follow a word-number for it to count (keeps "ein"/"drei" in prose out)
    unitish = rf"(?:{free_scales}|{cur_suf}|{percent}|(?:[\w.]+[\s-]){{0,2}}?(?:[\w]+-)*{count})\b"
    digits = (r"\d{1,3}(?:(?:[.'’\u00a0\u202f]|,(?=\d{3}(?!\d))| (?=\d{3}(?![\d.,]\d)))\d{3})+(?:[.,]\d+)?"
              r"|\d+(?:[.,]\d+)?")
    core = re.compile(
        rf"(?<![\w.,'’/%=&#@])(?<![^\W\d_]-)"
        rf"(?:(?P<num>{digits})(?:(?P<att>{attached})(?![\w]))?"
        rf"|(?P<word>(?<![\w-]){words}|(?:{article})(?=[\s-]+(?:halbe[n]?\s+)?{free_scales}))(?=[\s-]+{unitish}|-jährig)"
        rf"|(?P<vague>(?<![\w-]){vague})(?=[\s-]+(?:(?:von|of)\s+)?{unitish})"
        rf"|(?P<bare>(?<![\w-]){free_scales})(?=\s+(?:(?:von|of)\s+)?(?:{cur_suf})\b))",
        re.IGNORECASE)
    compile_i = lambda p: re.compile(p, re.IGNORECASE)  # noqa: E731
    qual_rows = lex.qualifiers
    per_body = (rf"(?:(?:pro|per|je|for every|for each|für)\s+|/\s*)(?:(?:eine?|a|one|1|jede[n]?|every)\s+)?"
                rf"(?:(?P<pnum>\d+(?:[.,]\d+)?)\s*)?(?:(?P<pscale>{free_scales}|{attached}|M)\s+)?"
                rf"(?:(?P<pdir>input|output|Eingabe|Ausgabe|Input|Output|cached)[\s-]*)?"
                rf"(?P<pnoun>{lexicon.alternation([r['pattern'] for r in lex.per_nouns])})")
    trigger = wordscan.WordScan(trigger_words(language), before="boundary")
    return Grammar(
        language=language,
        core=core,
        trigger=trigger,
        prefix=re.compile(rf"(?P<pre>{cur_pre})[ \u00a0]?$", re.IGNORECASE),
        prefix_ahead=re.compile(rf"(?:{cur_pre})[ \u00a0]?", re.IGNORECASE),
        scale=compile_i(rf"[\s-]*(?:(?:von|of)\s+)?(?P<scale>{free_scales})(?![\w])"),
        scale_values=Table([(compile_i(rf"(?:{r['pattern']})$"), float(r["multiplier"])) for r in scales]),
        currency_suffix=compile_i(rf"[\s-]*(?:(?:von|of|an|in)\s+)?(?:(?:US|U\.S\.)[\s-])?(?P<cur>{cur_suf})(?![\w])"),
        currency_prefix_codes=Table([(compile_i(rf"(?:{r['pattern']})$"), r["code"]) for r in lex.currencies]),
        currency_suffix_codes=Table([(compile_i(rf"(?:{r['pattern']})$"), r["code"]) for r in lex.currencies]),
        percent=compile_i(rf"\s?(?P<pct>{percent})(?![\w])"),
        count=compile_i(rf"[\s-]+(?:(?:von|of)\s+)?(?:(?:[\w.]+)[\s-]){{0,2}}?(?:\w+-)*(?P<noun>{count})\b"),
        count_units=Table([(compile_i(rf"(?:{r['pattern']})$"), r["unit"]) for r in lex.count_nouns]),
        per=compile_i(r"\s*" + per_body + r"(?![\w])"),
        per_before=compile_i(per_body + r"\s+(?:(?:nur|only|just|rund|etwa|about|around)\s+)?$"),
        per_units=Table([(compile_i(rf"(?:{r['pattern']})$"), r["per"]) for r in lex.per_nouns]),
        range_sep=compile_i(r"\s*(?:bis(?:\s+hin)?(?:\s+zu)?|[-–—]|to|und|and)\s*"),
        # searched on the lower-cased text (case-sensitive is several times faster)
        qualifier=re.compile(
            r"(?P<q>" + wordscan.word_alternation(sorted((r["pattern"].lower() for r in qual_rows),
                                                           key=len, reverse=True)) + r")"
            r"\s+(?:(?:nur|gerade\s+(?:ein)?mal|only|just|jeweils)\s+)?(?:(?:den|die|der|the)\s+)?$"),
        qualifier_kinds=Table([(compile_i(rf"(?:{r['pattern']})$"), r["qualifier"]) for r in qual_rows]),
        vague_values=Table([(compile_i(rf"(?:{r['pattern']})$"), float(r["value"])) for r in lex.vague]),
        age=compile_i(r"-jährige[nmrs]?\b|\s+(?:years?[\s-]old|Jahre alt)\b"),
    )


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
    candidates = [m.start() for m in _DIGITS.finditer(text, start, end)]
    candidates += [a for a, _ in g.trigger.spans(lowered, start, end)]
    candidates.sort()  # two sorted runs: merged in linear time
    for cand in candidates:
        if cand < pos:
            continue
        m = g.core.match(text, cand, end)
        if not m:
            continue
        fig = _parse_at(g, text, m, end, lowered)
        if fig is None:
            continue
        out.append(fig)
        pos = fig.end
    return out


def _parse_at(g: Grammar, text: str, m: re.Match[str], limit: int, lowered: str) -> Figure | None:
    try:
        value, vague, has_scale, pos = _read_quantity(g, text, m)
    except (ValueError, OverflowError):
        return None
    start = m.start()  # the core match begins with its number, word, vague or bare group
    pre = g.prefix.search(text, max(0, start - 8), start) if m.group("num") else None
    if pre:
        start = pre.start("pre")
    value_high: float | None = None
    qualifier = "lower_bound" if vague else "exact"
    # a range: "60 bis 65 Milliarden", "hunderte Millionen bis hin zu Milliarden"
    sep = g.range_sep.match(text, pos, limit)
    if sep:
        m2 = g.core.match(text, sep.end(), limit)
        ahead = None if m2 else g.prefix_ahead.match(text, sep.end(), limit)
        if ahead:  # "between $60 billion and $65 billion"
            m2 = g.core.match(text, ahead.end(), limit)
        word = sep.group().strip().lower()
        left = text[max(0, start - 12):start].lower()
        between = (word not in ("und", "and") or "zwischen" in left or "between" in left) and not (
            word == "to" and re.search(r"\b(?:by|from)\s*$", left))  # "fell by $593bn to $2.9tn"
        pre2 = g.prefix.search(text, max(0, m2.start() - 8), m2.start()) if m2 and m2.group("num") else None
        if m2 and between and (not pre2 or pre):
            try:
                high, vague2, scale2, pos2 = _read_quantity(g, text, m2)
            except ValueError:
                high = None
            if high is not None:
                if scale2 and not has_scale and not vague:
                    # "60 bis 65 Milliarden": the scale word serves both ends
                    mult = high / (numparse.parse_words(m2.group("word"), g.language)
                                   if m2.group("word") else
                                   numparse.parse_digits(m2.group("num"), g.language) if m2.group("num") else 1.0)
                    value *= mult
                    has_scale = True
                if high >= value:
                    value_high, pos, qualifier = high, pos2, "range"
                    vague = vague or vague2
    unit, kind, per, direction = "", "", "", ""
    cur = g.currency_suffix.match(text, pos, limit)
    pct = g.percent.match(text, pos, limit)
    cnt = g.count.match(text, pos, limit) if not cur and not pct else None
    age = g.age.match(text, pos, limit) if not (cur or pct or cnt) else None
    if cur:
        unit, kind, pos = g.currency_suffix_codes.get(cur.group("cur"), "USD"), "money", cur.end()
    elif pre:
        unit, kind = g.currency_prefix_codes.get(pre.group("pre").strip(), "USD"), "money"
    elif pct:
        unit = "percentage_points" if "punkt" in pct.group("pct").lower() or "point" in pct.group("pct").lower() else "percent"
        kind, pos = "percent", pct.end()
    elif cnt:
        unit, kind, pos = g.count_units.get(cnt.group("noun"), cnt.group("noun")), "count", cnt.end()
    elif age and not vague and m.group("num"):
        unit, kind, pos = "years", "count", age.end()
    elif has_scale and not vague and not m.group("att"):
        kind = "scaled"  # "auf 2,9 Billionen": a currency may be implied by the sentence
    else:
        return None
    if kind == "money":
        p = g.per.match(text, pos, limit)
        if p:
            pos = p.end()
        elif _RATE_WORD.search(lowered, max(0, start - 60), start):
            p = g.per_before.search(text, max(0, start - 60), start)
        if p:
            per = _per(g, p)
            direction = _DIRECTIONS.get((p.group("pdir") or "").lower(), "")
    # the qualifier stands to the left: "mehr als", "fast", "bis zu", "zwischen"
    q = g.qualifier.search(lowered, max(0, start - 40), start)
    if q and qualifier != "range":
        kind_q = g.qualifier_kinds.get(q.group("q"), "exact")
        if kind_q != "range":
            qualifier = kind_q
            start = q.start("q")
    elif q and qualifier == "range":
        start = q.start("q")
    if qualifier == "range" and value_high is None:
        qualifier = "exact"
    return Figure(start, pos, value, value_high, unit, per, qualifier, kind, direction)


_DIRECTIONS = {"input": "input", "eingabe": "input", "output": "output",
               "ausgabe": "output", "cached": "cached"}


def _per(g: Grammar, p: re.Match[str]) -> str:
    noun = g.per_units.get(p.group("pnoun"), p.group("pnoun").lower())
    amount = 1.0
    if p.group("pnum"):
        amount = numparse.parse_digits(p.group("pnum"), g.language)
    if p.group("pscale"):
        amount *= g.scale_values.get(p.group("pscale"), 1.0)
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
    return prefix + noun
