"""Figures of another sector: "In der Auto-Branche sanken die Investitionen um 8 Prozent".

The lexicon knows the AI industry and the chip industry as mentions; another sector framing a figure's clause is
named too, but it is nobody the lexicon knows. Without this, the figure fell back to an earlier sentence's
company (Nvidia's 8 per cent), a false statement; with it, the figure belongs to nobody named.
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache

from ... import lexicon


@lru_cache(maxsize=1)
def _frame() -> re.Pattern[str]:
    """Grammar words role ``other_sector_frame`` (case-sensitive: German nouns are capitalised)."""
    return re.compile(lexicon.in_order(lexicon.load().words("other_sector_frame")))


def other_sector(text: str, spans: list[tuple[int, int]], starts: list[int]) -> str:
    """The words of another sector framing one of ``spans`` (the figure's own clause), where no mention
    (``starts``, sorted) lies inside them; "" if none."""
    for a, b in spans:
        for m in _frame().finditer(text, a, b):
            k = bisect.bisect_left(starts, m.start())
            if k == len(starts) or starts[k] >= m.end():
                return m.group(0)
    return ""
