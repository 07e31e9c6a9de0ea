"""A currency symbol two currencies share takes the one its article speaks of nearest to it.

"¥" is the yen's sign and the yuan's. Reading it as either alone gives every Chinese amount in yen, or every
Japanese one in yuan; leaving it out (as before) lost the amounts. A ``context`` row of ``currencies.csv`` lists
the currencies a symbol may be ("¥,JPY|CNY,context"); the words that name each (grammar_words role
``currency_context``: "yen", "Japan", "Tokio" for JPY; "yuan", "RMB", "China", "Peking" for CNY) are found once
per text. Where the text names one of them, the amount takes it; where it names both, the words around the amount
must agree. Otherwise the amount is not taken: nothing says which it is.
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache

from .. import lexicon


@lru_cache(maxsize=1)
def _markers() -> tuple[re.Pattern[str], tuple[str, ...]]:
    """One pattern with a group per row of role ``currency_context`` (case-insensitive), and each group's code."""
    rows = [r for r in lexicon.load().grammar_words if r["role"] == "currency_context"]
    groups = "|".join(f"(?P<c{k}>{r['pattern']})" for k, r in enumerate(rows))
    return re.compile(rf"(?<![\w-])(?:{groups})(?!\w)", re.IGNORECASE), tuple(r["value"] for r in rows)  # "Japan-based"


@lru_cache(maxsize=4)
def _found(text: str) -> tuple[list[int], list[str]]:
    """Where the words naming a currency stand in ``text`` and which currency each names, in order; worked out once
    per text (a string caches its hash, so the cache costs one pass over the text)."""
    pattern, codes = _markers()
    where, which = [], []
    for m in pattern.finditer(text):
        where.append(m.start())
        which.append(codes[int(m.lastgroup[1:])])  # type: ignore[index]
    return where, which


NEAR_CHARS = 200  # about a sentence either side: where a text names both, the words this near the amount decide


def resolve(text: str, at: int, codes: list[str]) -> str | None:
    """The one of ``codes`` the text names: where it names only one, that one; where it names both, the one the
    words within :data:`NEAR_CHARS` of ``at`` name, if they agree; else None. The nearest word alone was often the
    other country's ("SoftBank posted ¥1.15 trillion, while Alibaba's revenue rose in China"), and yen read as yuan
    is a twentyfold error."""
    where, which = _found(text)
    named = set(which) & set(codes)
    if len(named) == 1:
        return named.pop()
    near = {which[j] for j in range(bisect.bisect_left(where, at - NEAR_CHARS), bisect.bisect_right(where, at + NEAR_CHARS))}
    near &= set(codes)
    return near.pop() if len(near) == 1 else None
