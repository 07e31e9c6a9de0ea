"""Token rates that an article names once and means again.

Price lists name the rate once and then list amounts: "$0.55 per million input
tokens …, compared with $15 for o1"; "$0.10/million for input and $0.40/million
for output, less than GPT-4o-mini ($0.15/$0.60)"; "1 US-Dollar pro Million
Input-Tokens und 5 US-Dollar pro Million Output-Tokens. … die frühere
Preisstruktur von Sonnet 4, die 3 US-Dollar bzw. 15 US-Dollar betrug." Read
alone, those amounts are bare money; read as a journalist does, they are token
prices, input and output in the order the list was first given.

One pass over the figures in text order, keeping the current and the previous
sentence's rates: cost grows with the number of figures.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .. import lexicon
from ..lexicon import in_order
from . import tables
from .attribute.measure_words import direction_word, directions
from .recognise import Figure
from .segment import Segmenter

_GLUE = r"\s*(?:\([^()]{0,30}\))?\s*(?:(?:%s)\s*)?(?P<glue>/|,|und|and|bzw\.|or|oder|sowie|\(|%s)\s*"  # % directions, comparisons
COMPARABLE = 1000  # a rate carries only to an amount of a comparable size (a price, not a total)
COMPARABLE_LATER = 100  # across sentences the list must be closer in size ("… a monthly bill of $1,300" is no price)
RESULT_CHARS = 24  # how far before an amount its calculation's "=" may stand ("= about $158")
COMPARABLE_PAIR = 10  # a pair of amounts in a sentence with no price word must be closer still ("$3 / $15." → "$5 / $25.")
LOOK_BACK = 8  # the rates an amount may take, nearest first (a price list is short; a dump must not cost its square)


@lru_cache(maxsize=1)
def price_word() -> re.Pattern[str]:
    """A word that makes a sentence about prices ("Preisstruktur", "priced", "costs"), on lower-cased text:
    only there does the previous sentence's rate carry over."""
    words = [w.lower() for w in lexicon.load().words("rate_carry_cue")]
    return re.compile(rf"(?<![^\W_])(?:{in_order(words)})")


@lru_cache(maxsize=1)
def _other_rate() -> re.Pattern[str]:
    """A rate per million or thousand of something other than tokens ("per 1M GET requests", "/1K messages";
    ``grammar_words.csv`` role ``rate_other_noun``), on lower-cased text: there a bare "/1M" may count those."""
    nouns = in_order(lexicon.load().words("rate_other_noun"))
    return re.compile(rf"(?:per|pro|je|/)\s*(?:1\s?[mk]|one million|million|thousand|tausend|mio\.)\s+(?:[a-z-]+\s+)?(?:{nouns})(?![\w-])")


@lru_cache(maxsize=1)
def _result() -> re.Pattern[str]:
    """The end of a calculation right before an amount ("× ($3/MTok) = $158"): that amount is a total."""
    lex = lexicon.load()
    return re.compile(rf"(?:{in_order(lex.words('rate_result'))})\s*(?:{in_order(lex.words('conversion_hedge'))}\s*)?$")


@lru_cache(maxsize=1)
def _paren_direction_pattern() -> re.Pattern[str]:
    """A direction right after an amount: in brackets ("1,25 Dollar (Input)"), before the next of a list
    ("$0.30 input / $2.50 output per million tokens"), or after "for"/"für" ("1,10 Dollar für die Ausgabe")."""
    words = in_order(sorted(directions(), key=len, reverse=True))
    joins = in_order([re.escape(w) for w in lexicon.load().words("coordination")])  # and, und, or, &
    # before the next of a list: a slash, comma, "and", a flattened list's " - ", or the line's end
    ends = rf"\s*(?:[/,;.]|{joins}(?!\w)|$)|\s+[-–—]\s|[^\S\n]*\n"
    fors = in_order(lexicon.load().words("direction_after_link"))  # "1,10 Dollar für die Ausgabe", "… tokens of output"
    return re.compile(rf"\s*\(\s*(?P<d>{words})\s*\)|\s+(?P<w>{words})(?={ends})"
                      rf"|[ \t]+(?:{fors})[ \t]+(?:(?:the|die|den|das)[ \t]+)?(?P<f>{words})(?![\w-])")


@lru_cache(maxsize=1)
def _bare_pair() -> re.Pattern[str]:
    """A second price written as a bare number after a slash, perhaps with the pair's directions in brackets
    ("USD 15/75 (input/output) per 1M tokens", "USD 0.80/4."): the amount is the first of a pair of prices;
    group "d" is the first direction named."""
    words = in_order(sorted(directions(), key=len, reverse=True))
    return re.compile(rf"[ \t]*/[ \t]*\d+(?:[.,]\d+)?(?![\d%/:.,]\d)(?![\w%])[ \t]*"
                      rf"(?:\([ \t]*(?P<d>{words})[ \t]*/[ \t]*{words}[ \t]*\)[ \t]*)?")


def _bare_pairs(figures: list[Figure], lower: str) -> set[int]:
    """Amounts that open a pair of prices whose second is a bare number (:func:`_bare_pair`): where the rate
    follows the pair ("USD 15/75 (input/output) per 1M tokens") the amount takes it and the first direction
    (input where none is named). Returns the ids of all such amounts: a pair without a rate of its own may take
    the previous sentence's ("Claude Haiku costs USD 0.80/4."). Changes the figures in place."""
    out = set()
    for fig in figures:
        pair = _bare_pair().match(lower, fig.end) if fig.kind == "money" and not fig.per else None
        if pair is None:
            continue
        out.add(id(fig))
        per = tables.rate_at(lower, pair.end())
        if per:
            fig.per, fig.direction = per, fig.direction or directions().get(pair["d"] or "", "") or "input"
    return out


@lru_cache(maxsize=1)
def _glue() -> re.Pattern[str]:
    """What joins two amounts of one list: a slash, comma or "and", perhaps after a label in brackets or the
    first amount's direction ("$0.30 input / $2.50 output"), or a comparison ("$0.09 vs $1.25 per million")."""
    compare = in_order(lexicon.load().words("rate_compare"))  # "$0.09 vs $1.25 per million input tokens"
    return re.compile(_GLUE % (in_order(sorted(directions(), key=len, reverse=True)), compare))


def _bare(per: str) -> bool:
    """A rate of a scale alone ("1M" from "/million"): its noun is implied."""
    return per[:1].isdigit() and " " not in per


def _comparable(a: Figure, b: Figure, factor: float = COMPARABLE) -> bool:
    return max(a.value, b.value) < factor * max(min(a.value, b.value), 1e-9)


class _Sentence:
    """The token rates of one sentence by currency, and which amounts took theirs from where."""

    def __init__(self, index: int):
        self.index = index
        self.rates: dict[str, list[Figure]] = {}
        self.origins: dict[str, tuple[Figure, ...]] = {}  # per currency: the rates named with their own words
        # an amount that took its rate, the rates named in words it took it from, and its own direction word
        self.carried: list[tuple[Figure, tuple[Figure, ...], str]] = []


def carry(figures: list[Figure], seg: Segmenter, lower: str) -> None:
    """Give amounts without a rate the token rate the sentence (or, in a sentence about prices, the one
    before) named for them, and their directions in list order; complete "/million" to "1M tokens"
    where the article speaks of tokens anywhere (a price page names them once, in its title) and prices nothing
    else by the million ("$0.40 per 1M GET requests"). Changes the figures in place."""
    for f in figures:
        f.direction = f.direction or (_paren_direction(f, lower) if f.kind == "money" else "")
    own = {id(f) for f in figures if f.direction}
    bare = _bare_pairs(figures, lower)  # "USD 15/75 (input/output) per 1M tokens"
    pairs = _list_pairs(figures, lower)
    paired = {id(f) for pair in pairs for f in pair} | bare  # "Claude Opus 4.7 (flagship model): $5 / $25." after a price list
    prices_tokens, speaks_of_tokens = False, "token" in lower and not _other_rate().search(lower)
    previous, current = _Sentence(-2), _Sentence(-2)
    for fig in figures:
        if fig.kind != "money":
            continue
        s = seg.sentence_index(fig.start)
        if s != current.index:
            _order_directions(current)
            previous, current = (current if current.index == s - 1 else _Sentence(-2)), _Sentence(s)
        if _bare(fig.per) and (prices_tokens or fig.direction or speaks_of_tokens):  # "$1.25/1M" in a text on tokens
            fig.per += " tokens"
        took = not fig.per and not _result().search(lower, max(0, fig.start - RESULT_CHARS), fig.start) and _take_rate(
            fig, current, previous, lower, seg, id(fig) in paired)
        if "tokens" in fig.per:
            current.rates.setdefault(fig.unit, []).append(fig)
            if not took:
                current.origins[fig.unit] = current.origins.get(fig.unit, ()) + (fig,)
            prices_tokens = True
    _order_directions(current)
    _factors(figures, lower)
    for a, b in pairs:  # "$5/$25 per million tokens", "($0.15/$0.60)": input first, then output
        if "tokens" in a.per and "tokens" in b.per and id(a) not in own and id(b) not in own:
            a.direction, b.direction = "input", "output"
    _respective(figures, lower)


def _respective(figures: list[Figure], lower: str) -> None:
    """Two amounts before a rate that names two directions ("$5 and $25 per million input and output tokens
    respectively", "0,30 bzw. 2,50 Dollar pro Million Input- bzw. Output-Token", "… per million tokens for input and
    output"): the first the first's, the second the second's."""
    for a, b in zip(figures, figures[1:]):
        if a.kind == b.kind == "money" and "tokens" in a.per and "tokens" in b.per:
            m = (None if a.direction and b.direction else _direction_pair().search(lower, b.start, b.end)) or \
                _pair_after().match(lower, b.end)  # "… per million tokens for input and output": over "for input"
            if m:
                a.direction, b.direction = directions()[m["d1"]], directions()[m["d2"]]


@lru_cache(maxsize=1)
def _pair_after() -> re.Pattern[str]:
    """Two directions right after the second amount's rate, after "for"/"für": "$10 and $40 per million tokens for
    input and output, respectively"."""
    return re.compile(rf"\s+(?:for|für)\s+(?:{_direction_pair().pattern})")


@lru_cache(maxsize=1)
def _direction_pair() -> re.Pattern[str]:
    words = in_order(sorted(directions(), key=len, reverse=True))
    return re.compile(rf"(?P<d1>{words})[\s-]*(?:/|and|und|bzw\.)\s*(?P<d2>{words})")


def _list_pairs(figures: list[Figure], lower: str) -> list[tuple[Figure, Figure]]:
    """Neighbouring amounts of one list ("$5/$25 per million tokens", "1,25 Dollar (Input) und 10 Dollar (Output)
    pro Million Token") or an amount and its conversion ("12 yuan (US$1.77) for every million tokens"): where one
    names the rate, the other shares it. Returns the pairs joined by a slash (input first, then output)."""
    slashes = []
    for a, b in zip(figures, figures[1:]):
        glue = _glue().fullmatch(lower, a.end, b.start) if a.kind == b.kind == "money" else None
        if glue and (glue["glue"] == "(" or a.unit == b.unit and _comparable(a, b)):
            a.per, b.per = a.per or b.per, b.per or a.per
            if glue["glue"] != "/":  # "$3.48 and $0.87 per million output tokens": both are output prices
                a.direction, b.direction = a.direction or b.direction, b.direction or a.direction
            if glue["glue"] == "/":
                slashes.append((a, b))
    return slashes


def _paren_direction(fig: Figure, lower: str) -> str:
    """"1,25 Dollar (Input)", "1,10 Dollar für die Ausgabe": a direction right after the amount."""
    m = _paren_direction_pattern().match(lower, fig.end)
    return directions().get(m["d"] or m["w"] or m["f"], "") if m else ""


def _direction_between(lower: str, start: int, end: int) -> str:
    """The one direction named between a rate and an amount that takes it ("0,28 Dollar pro Million
    Eingabe-Token, die Ausgabe 0,42 Dollar", "$0.50 per million input tokens, while output costs $1.50"):
    the amount's own, not the rate's; none where the words name several."""
    own = _paren_direction_pattern().match(lower, start)  # "$0.10 input and $0.40 output": "input" is the rate's
    found = {directions().get(m.group(), "") for m in direction_word().finditer(lower, own.end() if own else start, end)}
    return found.pop() if len(found) == 1 else ""


def _take_rate(fig: Figure, current: _Sentence, previous: _Sentence, lower: str, seg: Segmenter, paired: bool) -> bool:
    """The nearest comparable rate of the sentence, else of the sentence before when this one is about prices
    or lists a pair of amounts as the sentence before did ("$3 / $15. … $5 / $25.")."""
    source, origins = current.rates.get(fig.unit), current.origins.get(fig.unit, ())
    factor = COMPARABLE
    if not source and previous.rates.get(fig.unit):
        priced = price_word().search(lower, *seg.sentence_span(current.index)) is not None
        if priced or paired:  # a pair alone must be close to the prices before ("Shares: $220 / $230" is none)
            source, origins = previous.rates[fig.unit], previous.origins.get(fig.unit, ())
            current.origins[fig.unit] = origins  # the list goes on in this sentence ("3 bzw. 15 US-Dollar")
            factor = COMPARABLE_LATER if priced else COMPARABLE_PAIR
    for f in reversed((source or [])[-LOOK_BACK:]):
        if _comparable(f, fig, factor):
            fig.direction = fig.direction or _direction_between(lower, f.end, fig.start)
            current.carried.append((fig, origins, fig.direction))
            fig.per, fig.direction = f.per, fig.direction or f.direction
            return True
    return False


def _order_directions(sentence: _Sentence) -> None:
    """Amounts listed after a list of directed rates take their directions in order ("$0.10/million for input
    and $0.40/million for output … ($0.15/$0.60)": input, output), when the amounts are as many as the rates or a
    multiple of them, one group per model ("$1.25 per million input tokens and $10 per million output tokens for
    GPT-5, $0.25 and $2.00 for GPT-5 Mini, and $0.05 and $0.40 for GPT-5 Nano"), and name no direction of their own."""
    groups: dict[tuple[int, ...], tuple[tuple[Figure, ...], list[tuple[Figure, str]]]] = {}
    for fig, origins, own in sentence.carried:
        groups.setdefault(tuple(map(id, origins)), (origins, []))[1].append((fig, own))
    for origins, members in groups.values():
        directions = [o.direction for o in origins]
        if (len(origins) > 1 and len(members) % len(origins) == 0 and all(directions) and len(set(directions)) == len(directions)
                and not any(own for _, own in members)):
            for k, (fig, _) in enumerate(members):
                fig.direction = directions[k % len(directions)]


@lru_cache(maxsize=1)
def _times() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A count and a multiplication sign right before an amount ("100 × $0.10"), and a sign and a count right
    after it ("$0.10 × 100"): the amount is a factor of a calculation (``grammar_words.csv``, role ``rate_times``)."""
    times = in_order(lexicon.load().words("rate_times"))
    return (re.compile(rf"\d[\d.,]*[ \t]*(?:[km]|mio\.?)?[ \t]*{times}[ \t]*\(?[ \t]*$"),
            re.compile(rf"[ \t]*\)?[ \t]*{times}[ \t]*\d"))


def _factors(figures: list[Figure], lower: str) -> None:
    """An amount multiplied in a calculation ("(100 × $0.10) + (25 × $0.40)") whose value a token price of the
    article named before (the price table above it) is that price again: it takes that price's rate, and its
    direction where every earlier price of that value has the same one. Totals ("= $20") are no factors and
    keep no rate. Changes the figures in place."""
    before, after = _times()
    seen: dict[tuple[str, float], set[tuple[str, str]]] = {}  # (currency, value) -> the (rate, direction) it was named with
    for fig in figures:
        if fig.kind != "money":
            continue
        if "tokens" in fig.per:
            seen.setdefault((fig.unit, fig.value), set()).add((fig.per, fig.direction))
            continue
        named = seen.get((fig.unit, fig.value))
        if named and not fig.per and (before.search(lower, max(0, fig.start - 16), fig.start)
                                      or after.match(lower, fig.end)):
            rates = {per for per, _ in named}
            ways = {way for _, way in named}
            if len(rates) == 1:
                fig.per, fig.direction = rates.pop(), (ways.pop() if len(ways) == 1 else "")
