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
from . import literals
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
    the engine counts equal to more than one other ('ſ' = 's', 'ς' = 'σ'; ``re._casefix``), and every character
    beyond the Basic Multilingual Plane (the folded copy carries U+FFFD for it). A clause or a rule holding one
    is read case-insensitively, as written."""
    from re import _casefix

    chars = {chr(c) for key, others in _casefix._EXTRA_CASES.items() for c in (key, *others)} | {"\u0130"}
    return re.compile("[" + re.escape("".join(sorted(c for c in chars if not c.isascii()))) + "\U00010000-\U0010FFFF]")


@lru_cache(maxsize=1)
def _needs() -> list[tuple[str, ...] | None]:
    """For each rule (as :func:`_rules`), the strings one of which a folded clause must contain for it to
    match (:func:`literals.required`); None where that cannot be told. A substring test per string is far
    cheaper than the regex search it spares."""
    out = []
    for _, on_folded, _, _ in _rules():
        needs = literals.required(on_folded) if on_folded is not None else None
        out.append(None if needs is None else tuple(sorted(needs)))
    return out


@lru_cache(maxsize=4)
def _needed(language: str) -> tuple[str, ...] | None:
    """What any rule of the language needs (the union of :func:`_needs`), for a clause to be turned away
    with one test; None when some rule's needs cannot be told."""
    found: set[str] = set()
    for (_, _, lang, _), needs in zip(_rules(), _needs()):
        if lang not in ("any", language):
            continue
        if needs is None:
            return None
        found.update(needs)
    return tuple(sorted(found))



@lru_cache(maxsize=4)
def _language_rules(language: str) -> list[tuple[re.Pattern[str], re.Pattern[str] | None, str, tuple[str, ...] | None]]:
    """(pattern, its folded twin, template, needs) of the rules for ``language`` and for any, in file order:
    chosen once, not rule by rule for every clause."""
    return [(pattern, on_folded, template, needs) for (pattern, on_folded, lang, template), needs in zip(_rules(), _needs())
            if lang in ("any", language)]


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
    if safe and (words := _needed(language)) is not None and not any(map(folded.__contains__, words)):
        return ""  # none of the words the rules need (most clauses): no rule can match
    for pattern, on_folded, template, needs in _language_rules(language):
        fast = safe and on_folded is not None
        if fast and needs is not None and not any(map(folded.__contains__, needs)):
            continue  # the clause lacks every word this rule needs
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
