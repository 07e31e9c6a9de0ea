"""A percent that is the level something moved from ("accounts for 22% of UK tech value, up from 12%", "Der Anteil
stieg von 12 auf 22 Prozent"): no change, but what the level it is compared with is.

The words are data (grammar_words roles ``old_level_moved``, ``old_level_from``, ``level_word``, ``growth_rate_noun``).
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from functools import lru_cache
from typing import Protocol

from ... import lexicon
from ..recognise import Figure
from .places import Places
from .sentence_cues import Decision

SHARE_MOVES = ("share_price_gain", "share_price_drop")


class Finder(Protocol):
    """What the old level reads of the measure finder: the article, its figures in order and their decisions."""

    text: str
    lower: str
    places: Places
    figures: list[Figure]
    starts: list[int]
    decide: Callable[[Figure], Decision]


def growth_rate_in(lower: str, start: int, end: int) -> bool:
    """Whether a growth rate's noun, alone or as a compound's last part, stands in ``lower[start:end]`` ("das
    Umsatzwachstum", "revenue growth")."""
    return _growth_rate_word().search(lower, start, end) is not None


@lru_cache(maxsize=1)
def _growth_rate_word() -> re.Pattern[str]:
    return re.compile(rf"(?:{lexicon.in_order(lexicon.load().words('growth_rate_noun'))})")


def old_level(text: str, fig: Figure) -> bool:
    """Whether a percent is the level something moved from: after "up from", "down from" ("accounts for 22%, up from
    12%"), or after "from"/"von" where "to"/"auf" and the new level follow ("stieg von 12 auf 22 Prozent")."""
    moved, plain, _ = _old_level()
    start = max(0, fig.start - OLD_LEVEL_CHARS)
    return bool(moved.search(text, start, fig.start) or plain.search(text, start, fig.start) and level_after(text, fig))


def level_after(text: str, fig: Figure) -> bool:
    """Whether "to"/"auf" and a new level follow a figure ("von 12 Prozent auf 22 Prozent")."""
    return _old_level()[2].match(text, fig.end) is not None


OLD_LEVEL_CHARS = 64  # how far before a percent "up from" may start ("up from the previous estimate of 30%")


@lru_cache(maxsize=1)
def _old_level() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    lex = lexicon.load()
    return (re.compile(rf"(?<![\w-])(?:{lexicon.in_order(lex.words('old_level_moved'))})\s+$", re.IGNORECASE),
            re.compile(rf"(?<![\w-])(?:{lexicon.in_order(lex.words('old_level_from'))})\s+$", re.IGNORECASE),
            re.compile(rf"[ \t]+(?:\S+[ \t]+)?(?:{lexicon.in_order(lex.words('level_word'))})[ \t]+(?:\S+[ \t]+)?\d"))


def old_level_measure(finder: Finder, fig: Figure, found: Decision) -> Decision | None:
    """The level something moved from is what the level it is compared with is: the percent before it in its sentence
    ("accounts for 22% of UK tech value, up from 12%": other), or the one after it where "to"/"auf" follows ("Der Anteil
    stieg von 12 auf 22 Prozent"); a growth rate named before it keeps it growth ("das Wachstum ist von 420 % auf 206 %
    zurückgegangen"). None where no percent is compared ("mit Abschlägen von 6,15 Prozent auf 16,33 Euro": a change) or
    it is a share move's, whose old level has a sign of its own ("legte um 4 Prozent zu, nach zuvor 2 Prozent Verlust")."""
    k = bisect.bisect_left(finder.starts, fig.start)
    j, sentence = (k + 1 if level_after(finder.text, fig) else k - 1), finder.places.place(fig).span
    other = finder.figures[j] if 0 <= j < len(finder.figures) else None
    if other is None or other.kind != "percent" or not sentence[0] <= other.start < sentence[1]:
        return None
    own = next(spans for spans, how in finder.places.place(fig).windows if how == "subject")
    if found.measure == "growth" and growth_rate_in(finder.lower, max((a for a, _ in own if a <= fig.start), default=fig.start),
                                                    fig.start):  # in its own clause: not "Revenue growth was 10%, and the margin"
        return found
    compared = finder.decide(other).measure
    return None if compared in SHARE_MOVES else found._replace(measure=compared)  # a move's old level: its own sign words


def closed_at(finder: Finder, fig: Figure) -> Decision | None:
    """A share price where an amount is the level a share's move ended at: right after the move's percent, with
    "bei"/"at" and no comma between ("schloss 6,23 % im Minus bei 307,86 Dollar", "closed down 6.2% at $307.86",
    "3% higher at $120"); not a sum no share costs ("rose 8% valuing it at $50 billion"). Else None."""
    k = bisect.bisect_left(finder.starts, fig.start)
    before = finder.figures[k - 1] if k else None
    if before is None or before.kind != "percent" or fig.start - before.end > CLOSED_AT_CHARS or fig.value >= PRICE_MAX \
            or _closed_at().fullmatch(finder.text, before.end, fig.start) is None:
        return None
    moved = finder.decide(before)
    return moved._replace(measure="share_price") if moved.measure in SHARE_MOVES else None


CLOSED_AT_CHARS = 40  # how far after the percent the level may stand
PRICE_MAX = 1_000_000  # a share's price is below it; an amount above is a value ("rose 8% valuing it at $50 billion")


@lru_cache(maxsize=1)
def _closed_at() -> re.Pattern[str]:
    """Up to three words, then a word that names where a move ended (grammar_words role ``closed_at``), before an amount."""
    return re.compile(rf"[ \t]+(?:[^\s,;.]+[ \t]+){{0,3}}(?:{lexicon.in_order(lexicon.load().words('closed_at'))})[ \t]+",
                      re.IGNORECASE)
