"""The period a figure covers, where its own clause states one: ``year``, ``quarter``, ``multi_year:4``,
``until:2029``, ``fiscal_year:2025``; empty when the clause states none.

Why: a pledge over four years and one year's spending are both "investment", and
a chart that divided one by the other stated a false finding. The words are data
(lexicon ``periods.csv``); the search stays inside the figure's clause, so a year
named elsewhere in the sentence ("gegründet 2023") does not become the figure's period.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .. import lexicon
from .numparse import parse_words
from .segment import Clause, Segmenter, clauses


@lru_cache(maxsize=1)
def _rules() -> list[tuple[re.Pattern[str], str, str]]:
    """(pattern, language, period template) in file order."""
    return [(lexicon.compile_pattern(row), row["language"], row["period"])
            for row in lexicon.read_rows("periods.csv")]


def _count(word: str, language: str) -> int | None:
    """'4' or 'vier' -> 4; None when the word is no number."""
    if word.isdigit():
        return int(word)
    try:
        value = parse_words(word.lower(), language)
    except (ValueError, KeyError):
        return None
    return int(value) if value and value == int(value) else None


def find(clause: str, language: str) -> str:
    """The period stated in ``clause`` (the text of the figure's clause), or ''."""
    for pattern, lang, template in _rules():
        if lang not in ("any", language):
            continue
        for m in pattern.finditer(clause):
            groups = m.groupdict()
            if groups.get("n") is not None:
                n = _count(groups["n"], language)
                if n is None or n < 2:
                    continue  # "in den nächsten Jahren" without a number, or "one year": no multi-year span
                groups["n"] = str(n)
            return template.format(**{k: v for k, v in groups.items() if v is not None})
    return ""


def in_clauses(text: str, sentence_clauses: list[Clause], start: int, language: str) -> str:
    """The period stated in the clause (of ``sentence_clauses``) that holds the figure starting at ``start``."""
    for c in sentence_clauses:
        if c.start <= start < c.end:
            return find(text[c.start:c.end], language)
    return ""


def period_at(text: str, start: int, end: int, language: str) -> str:
    """The period of the figure at text[start:end], searched in its clause (for tables that lack the column)."""
    seg = Segmenter.of(text)
    a, b = seg.sentence_span(seg.sentence_index(start))
    return in_clauses(text, clauses(text, a, b, [(start, end)]), start, language)
