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
from .casefold import fold_pattern
from .numparse import parse_words
from .segment import Clause, Segmenter, clauses

Rule = tuple[re.Pattern[str], re.Pattern[str] | None, str, str]


@lru_cache(maxsize=1)
def _rules() -> list[Rule]:
    """(pattern, the same for folded text or None, language, period template) in file order."""
    out = []
    for row in lexicon.read_rows("periods.csv"):
        pattern = lexicon.compile_pattern(row)
        out.append((pattern, _for_folded(pattern), row["language"], row["period"]))
    return out


def _for_folded(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """The case-insensitive ``pattern`` as a case-sensitive one for lower-cased text (several times faster
    per clause: every figure's clause is searched); None when lower-casing would change what it means."""
    source = fold_pattern(pattern.pattern)
    if source is None or "(?-" in source or _unsafe_for_folding().search(pattern.pattern):  # \S, \W, (?-i:...), 'ſ'
        return None
    try:
        folded = re.compile(source.replace("(?p<", "(?P<").replace("(?p=", "(?P="))
    except re.error:
        return None
    return folded if folded.groupindex == pattern.groupindex else None


@lru_cache(maxsize=1)
def _unsafe_for_folding() -> re.Pattern[str]:
    """The characters on which lower-casing and case-insensitive matching disagree: 'İ' (its lower case is two
    characters, so :func:`casefold.fold` keeps it, while the regex engine reads it as 'i') and the letters
    the engine counts equal to more than one other ('ſ' = 's', 'ς' = 'σ'; ``re._casefix``). A clause or a rule
    holding one is read case-insensitively, as written."""
    from re import _casefix

    chars = {chr(c) for key, others in _casefix._EXTRA_CASES.items() for c in (key, *others)} | {"\u0130"}
    return re.compile("[" + re.escape("".join(sorted(c for c in chars if not c.isascii()))) + "]")


@lru_cache(maxsize=4)
def _screen(language: str) -> re.Pattern[str] | None:
    """All of the language's rules for folded text as one alternation, groups made plain: one search tells
    whether any rule matches the clause, instead of one search per rule. None when some rule cannot be read
    on folded text (or refers back to a group): then each rule is tried as written."""
    sources = []
    for _, on_folded, lang, _ in _rules():
        if lang not in ("any", language):
            continue
        if on_folded is None or "(?P=" in on_folded.pattern or len(
                _NAMED_GROUP.findall(on_folded.pattern)) != len(on_folded.groupindex):
            return None
        sources.append(_NAMED_GROUP.sub("(?:", on_folded.pattern))
    try:
        return re.compile("|".join(f"(?:{source})" for source in sources)) if sources else None
    except re.error:
        return None


_NAMED_GROUP = re.compile(r"\(\?P<\w+>")  # "(?P<n>": a named group opens


def _count(word: str, language: str) -> int | None:
    """'4' or 'vier' -> 4; None when the word is no number."""
    if word.isdigit():
        return int(word)
    try:
        value = parse_words(word.lower(), language)
    except (ValueError, KeyError):
        return None
    return int(value) if value and value == int(value) else None


def find(clause: str, language: str, folded: str | None = None) -> str:
    """The period stated in ``clause`` (the text of the figure's clause), or ''.

    ``folded``: the clause lower-cased by :func:`casefold.fold` (same offsets), when the caller has it;
    rules then run on it case-sensitively, and the words they capture are still read from ``clause``.
    """
    safe = folded is not None and not _unsafe_for_folding().search(clause)  # the clause reads the same folded
    if safe and (screen := _screen(language)) is not None and not screen.search(folded):
        return ""  # no rule matches anywhere in the clause (most clauses)
    for pattern, on_folded, lang, template in _rules():
        if lang not in ("any", language):
            continue
        fast = safe and on_folded is not None
        for m in (on_folded if fast else pattern).finditer(folded if fast else clause):
            groups = {k: None if m.start(k) < 0 else clause[m.start(k):m.end(k)] for k in m.re.groupindex}
            if groups.get("n") is not None:
                n = _count(groups["n"], language)
                if n is None or n < 2:
                    continue  # "in den nächsten Jahren" without a number, or "one year": no multi-year span
                groups["n"] = str(n)
            return template.format(**{k: v for k, v in groups.items() if v is not None})
    return ""


def in_clauses(text: str, sentence_clauses: list[Clause], start: int, language: str, folded: str | None = None,
               memo: dict[tuple[int, int], str] | None = None) -> str:
    """The period stated in the clause (of ``sentence_clauses``) that holds the figure starting at ``start``
    (``folded``: the text lower-cased by :func:`casefold.fold`, when the caller has it; ``memo``: the periods
    of this text's clauses found so far, by span, as figures often share a clause)."""
    for c in sentence_clauses:
        if c.start <= start < c.end:
            key = (c.start, c.end)
            if memo is not None and key in memo:
                return memo[key]
            found = find(text[c.start:c.end], language, None if folded is None else folded[c.start:c.end])
            if memo is not None:
                memo[key] = found
            return found
    return ""


def period_at(text: str, start: int, end: int, language: str) -> str:
    """The period of the figure at text[start:end], searched in its clause (for tables that lack the column)."""
    seg = Segmenter.of(text)
    a, b = seg.sentence_span(seg.sentence_index(start))
    return in_clauses(text, clauses(text, a, b, [(start, end)]), start, language)
