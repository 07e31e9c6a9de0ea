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


@lru_cache(maxsize=1)
def _any_model() -> tuple[re.Pattern[str], str]:
    """Grammar words role ``any_model``: a model named by an indefinite phrase, and the sector it stands for."""
    rows = lexicon.load().word_values("any_model")
    return re.compile(rf"(?i)(?<![\w-])(?:{lexicon.in_order(list(rows))})(?![\w-])"), next(iter(rows.values()))


def any_model(text: str, spans: list[tuple[int, int]]) -> tuple[str, str]:
    """"Training a frontier model now costs more than $100 million", "pro Modell": a figure of any model, its clause
    naming nobody, is the sector's (the AI industry), not the company an earlier sentence named. Returns (the
    sector's canonical name, the words), or ("", "")."""
    pattern, sector = _any_model()
    for a, b in spans:
        m = pattern.search(text, a, b)
        if m:
            return sector, m.group(0)
    return "", ""
