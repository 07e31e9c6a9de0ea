"""The qualifier of a figure: a word before it ("mehr als", "fast", "bis zu") or a sign glued to it ("≥", "+").

Split from recognise.py. The words are data (``qualifiers.csv``), the signs too (``grammar_words.csv``, roles
``qualifier_sign_before`` and ``qualifier_sign_after``).
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Protocol

from .. import lexicon
from .grammar import Grammar


class Reading(Protocol):
    """What a qualifier changes of a figure being read (recognise's reading): its span, qualifier and kind."""

    start: int
    pos: int
    qualifier: str
    kind: str
    value_high: float | None


def read_qualifier(g: Grammar, lowered: str, r: Reading) -> None:
    """The qualifier standing to the left ("mehr als", "fast", "bis zu"), also before the figure's sign ("up to
    +30%", "bis zu −5 %"); a range keeps its own."""
    end = r.start - 1 if lowered[r.start - 2:r.start] in _SPACED_SIGNS else r.start
    q = g.qualifier.search(lowered, max(0, end - 40), end)
    if q and r.qualifier != "range":
        kind = g.qualifier_kinds.get(q.group("q"), "exact")
        if kind != "range":
            r.qualifier = kind
            r.start = q.start("q")
    elif q and r.qualifier == "range":
        r.start = q.start("q")
    if r.qualifier == "range" and r.value_high is None:
        r.qualifier = "exact"
    if r.qualifier == "exact":  # "≥150 Mio. Euro", "$120B+": a bound written as a sign
        _read_sign(lowered, r)


def _read_sign(lowered: str, r: Reading) -> None:
    """A bound written as a sign glued to the figure: before it, perhaps after one space ("≥150 Mio. Euro",
    "≤ $5M"), or right after a money or percent figure and before no letter or digit ("$120B+")."""
    before, after = _signs()
    lead = r.start - (2 if lowered[r.start - 1:r.start] == " " else 1)
    for pattern, qualifier in before if lead >= 0 and lowered[lead - 1:lead] != lowered[lead] else ():  # not "~~$20~~"
        if (m := pattern.match(lowered, lead)) and m.end() == lead + 1:
            r.qualifier, r.start = qualifier, lead
            return
    if r.kind == "count" or lowered[r.pos + 1:r.pos + 2].isalnum() or lowered[r.pos + 1:r.pos + 2] in _CURRENCY_SIGNS:
        return  # "$5+$25": a sum, no bound
    for pattern, qualifier in after:
        if m := pattern.match(lowered, r.pos):
            r.qualifier, r.pos = qualifier, m.end()
            return


_CURRENCY_SIGNS = frozenset("$€£¥")
_SPACED_SIGNS = frozenset({" +", " -", " −"})  # a sign after a space, before the number: a qualifier may stand before it


@lru_cache(maxsize=1)
def _signs() -> tuple[list[tuple[re.Pattern[str], str]], list[tuple[re.Pattern[str], str]]]:
    lex = lexicon.load()
    return tuple([(re.compile(p), q) for p, q in lex.word_values(role).items()]
                 for role in ("qualifier_sign_before", "qualifier_sign_after"))  # type: ignore[return-value]
