"""Whose is the thing a figure measures: "die Nvidia-Aktie", "Nvidias Umsatz", "Nvidia's market value",
"die Aktie von Nvidia", "shares of Nvidia".

The noun that names the measure (a cue of the measure's rule) often carries its
owner with it, and that owner owns the figure even where the clause's subject
is someone else: "Wegen DeepSeek brach die Nvidia-Aktie um 17 Prozent ein",
"The DeepSeek news wiped $589 billion off Nvidia's market value". Only
companies, projects and indices own a measure this way ("US-Investitionen" does
not make the USA the investor).
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache

from ... import lexicon
from .mentions import Mention

OWNER_ROLES = frozenset({"company", "project", "index"})


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], frozenset[str]]:
    lex = lexicon.load()
    genitive = lexicon.in_order(lex.words("owner_genitive"))
    # before the noun: "Nvidia-Aktie", "Nvidias Umsatz", "Nvidia's market value", "Nvidia shares"
    before = re.compile(r"^(?:-|(?:['’]s?)?\s+|\s+)$")
    # after the noun: "Aktie von Nvidia", "Aktien des Chipkonzerns Nvidia", "shares of Nvidia"
    after = re.compile(rf"(?i)^\s+{genitive}\s+(?:[\w-]+\s+){{0,2}}$")
    owned = frozenset(w.lower() for w in lex.words("owned_noun_en"))
    return before, after, owned


def cue_owner(text: str, mentions: list[Mention], starts: list[int],
              cue_spans: tuple[tuple[int, int], ...]) -> Mention | None:
    """The company, project or index a cue noun belongs to, or None (verbs and unowned nouns)."""
    before, after, owned = _patterns()
    for s, e in cue_spans:
        word = text[s:e].split()[0]
        noun = word[:1].isupper() or word.lower() in owned  # German nouns are capitalised; English ones listed
        if not noun:
            continue
        k = bisect.bisect_left(starts, s)
        prev = mentions[k - 1] if k > 0 else None
        if prev is not None and prev.role in OWNER_ROLES and prev.kind == "org" and s - prev.end <= 4:
            gap = text[prev.end:s]
            if before.match(gap) and (gap == "-" or "'" in gap or "’" in gap or gap.startswith("s")
                                      or word.lower() in owned):
                return prev
        k = bisect.bisect_left(starts, e)
        nxt = mentions[k] if k < len(mentions) else None
        if nxt is not None and nxt.kind in ("org", "anaphor_org") and nxt.role in OWNER_ROLES and nxt.start - e <= 48 \
                and after.match(text[e:nxt.start]):
            return nxt
    return None
