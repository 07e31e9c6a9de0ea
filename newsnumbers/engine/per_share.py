"""Amounts per share whose rate is named before them, not after.

Results stories name the rate once and then give the amounts: "Das Ergebnis je Aktie kletterte von 0,90 US-Dollar
auf 1,74 US-Dollar", "Diluted earnings per share reached NT$17.44, compared with NT$12.54", "with EPS at $3.30,
well above the $3.08 expectation". Read alone those amounts are bare money; a chart of them beside share prices or
totals would compare unlike things. The words are data (grammar_words role ``per_share_before``).
"""
from __future__ import annotations

import re
from functools import lru_cache

from .. import lexicon
from .recognise import Figure
from .segment import Segmenter

PER_SHARE_MAX = 10_000  # a per-share amount is price-sized: not "and revenue of $65.59 billion" in the same sentence
RATE_CHARS = 200  # how far before an amount its rate may be named, within its sentence


@lru_cache(maxsize=1)
def _named() -> re.Pattern[str]:
    """A per-share result's name (case-sensitive: "EPS", not "eps" in a word)."""
    return re.compile(rf"(?<![\w-])(?:{lexicon.in_order(lexicon.load().words('per_share_before'))})(?![\w-])")


def carry_per_share(figures: list[Figure], seg: Segmenter, text: str) -> None:
    """Give ``per`` "share" to each price-sized money amount without a rate that follows a per-share result's name
    in its sentence. One bounded search per amount: cost grows with the figures."""
    named = _named()
    for fig in figures:
        if fig.kind != "money" or fig.per or fig.value >= PER_SHARE_MAX:
            continue
        a, _ = seg.sentence_span(seg.sentence_index(fig.start))
        if named.search(text, max(a, fig.start - RATE_CHARS), fig.start):
            fig.per = "share"
