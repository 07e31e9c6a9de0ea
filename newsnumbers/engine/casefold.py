"""Lower-casing that keeps offsets, for fast case-sensitive scans.

Case-insensitive regexes over Unicode are several times slower than
case-sensitive ones, so the extractor scans a lower-cased copy of each
article. Offsets must stay valid in the original, so a character whose lower
case has a different length (rare: 'İ') is kept as it is.
"""
from __future__ import annotations

import re


def fold(text: str) -> str:
    """``text`` lower-cased, with exactly the same length (and so the same offsets)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)


def fold_pattern(pattern: str) -> str | None:
    """``pattern`` for folded text, or None when lower-casing would change its meaning (\\S, \\W, \\B ...)."""
    if re.search(r"\\[A-Z]", pattern):
        return None
    return pattern.lower()
