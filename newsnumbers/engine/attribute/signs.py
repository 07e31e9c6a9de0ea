"""What a sign glued to a percent says (a share's move up or down; after what grows, a change), and what an amount
per share is.

"Vontobel (+2,2%)", "bei -3,1%", "H1-Umsatz +6 % (in USD +16 %)": tables of market moves and results write the
direction as a sign and leave out the verb. A sign after a letter or digit is a hyphen or a range's dash
("Q3-5%", "2-3 %"), no sign.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import Protocol

from ... import lexicon
from ..recognise import Figure
from ..segment import Segmenter
from .cues import Cues
from .measure_rules import growth_nouns, rules_for
from .sentence_cues import Decision

_SIGNED = {m: {"+": "share_price_gain", "-": "share_price_drop"} for m in ("share_price_gain", "share_price_drop")}
_SIGNS = {"+": "+", "-": "-", "\u2212": "-", "\u2013": "-"}  # plus, hyphen-minus, minus sign, en dash


def sign(text: str, start: int) -> str:
    """"+" or "-" where a sign is glued to the number starting at ``start``, else ""."""
    if start == 0 or (found := _SIGNS.get(text[start - 1], "")) == "" or not text[start:start + 1].isdigit():
        return ""
    return "" if start > 1 and text[start - 2].isalnum() else found


def signed(text: str, fig: Figure, decided: Decision, sentence_cues: Callable[[], Cues]) -> Decision:
    """The decision with a share move's direction taken from the figure's sign, and a signed percent that no cue
    made more than ``other`` read as growth where a noun of what grows stands before it in its sentence
    (``sentence_cues``: the sentence's cues, asked for only then)."""
    if decided.measure in _SIGNED and (found := sign(text, fig.start)):
        return decided._replace(measure=_SIGNED[decided.measure][found])
    if decided.measure == "other" and fig.unit == "percent" and sign(text, fig.start) and _grows_before(fig, sentence_cues()):
        return decided._replace(measure="growth")  # "H1-Umsatz +6 %": a signed percent after what grows is a change
    return decided


@lru_cache(maxsize=1)
def _percent_nouns() -> frozenset[str]:
    """The first cue group of every percent rule: the nouns of what a percentage is about (revenue, a margin)."""
    return frozenset(r.cues[0] for r in rules_for("percent"))


def _grows_before(fig: Figure, cues: Cues) -> bool:
    """Whether the nearest noun of what a figure is about before it names what grows (revenue, profit, users), not
    a level ("operative Marge -3 %", "the tax rate was 21% versus -2%")."""
    nearest = max(((a, group) for group in _percent_nouns() for a, _ in cues.get(group, ()) if a < fig.start), default=None)
    return nearest is not None and nearest[1] in growth_nouns()


class _Finder(Protocol):
    text: str
    seg: Segmenter


def payout_before(finder: _Finder, fig: Figure) -> bool:
    """Whether earnings or a payout are named before an amount per share in its sentence ("The bank earned $1.20
    per share", "Der Konzern zahlt 20 Cent je Aktie aus"): then it is no share price (grammar_words
    ``per_share_payout``)."""
    a, _ = finder.seg.sentence_span(finder.seg.sentence_index(fig.start))
    return _payout().search(finder.text, a, fig.start) is not None


@lru_cache(maxsize=1)
def _payout() -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-])(?:{lexicon.in_order(lexicon.load().words('per_share_payout'))})", re.IGNORECASE)
