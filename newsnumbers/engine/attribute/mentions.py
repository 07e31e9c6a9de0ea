"""Find the organisations, models and anaphors an article mentions.

Named aliases are matched case-sensitively; generic ones ("the industry") and
anaphors ("dieses Modell", "das Unternehmen") on the lower-cased text. The
lexicon's tables are compiled once per process.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from ... import lexicon
from .. import wordscan
from ..casefold import fold, fold_pattern


class Mention(NamedTuple):
    """An organisation, model or anaphor in the text (a tuple: articles have thousands)."""

    start: int
    end: int
    kind: str       # org, model, anaphor_org, anaphor_model
    name: str       # canonical organisation or model ("" for anaphors)
    owner: str      # organisation of a model
    generic: bool   # a sector ("the industry"), weaker than a named organisation


@dataclass(frozen=True)
class _Tables:
    regex: wordscan.WordScan        # named organisations and models, case-sensitive
    lower_regex: wordscan.WordScan  # generic organisations and anaphors, on lower-cased text
    orgs: list[tuple[re.Pattern[str], str, bool]]
    models: list[tuple[re.Pattern[str], str, str]]
    anaphors: list[tuple[re.Pattern[str], str]]


_SUFFIX = r"(?=(?:’s|'s|s)?(?![\w])|-)"


@lru_cache(maxsize=1)
def _tables() -> _Tables:
    lex = lexicon.load()
    orgs, models, anaphors, parts, lower_parts = [], [], [], [], []
    # file order decides between alternatives that start at the same place
    # (anaphors, then models, then organisations): put longer names first
    for row in lex.anaphors:
        pat = f"(?i:{row['pattern']})"
        anaphors.append((re.compile(pat + "$"), row["points_to"]))
        lower_parts.append(_lower_pattern(row))
    for row in lex.models:
        models.append((re.compile(f"(?:{row['pattern']})$"), row["canonical"], row["organisation"]))
        parts.append(f"(?:{row['pattern']})")
    for row in lex.organisations:
        generic = row["kind"] == "generic"
        pat = f"(?i:{row['pattern']})" if generic else f"(?:{row['pattern']})"
        orgs.append((re.compile(pat + "$"), row["canonical"], generic))
        (lower_parts if generic else parts).append(_lower_pattern(row) if generic else pat)
    regex = wordscan.WordScan(parts, suffix=_SUFFIX)
    lower_regex = wordscan.WordScan(lower_parts, suffix=_SUFFIX)
    return _Tables(regex, lower_regex, orgs, models, anaphors)


def _lower_pattern(row: lexicon.Row) -> str:
    """A case-insensitive lexicon pattern rewritten for lower-cased text (refused where that changes it)."""
    folded = fold_pattern(row["pattern"])
    if folded is None:
        raise lexicon.LexiconError(f"{row.where()}: use no upper-case escapes (\\S, \\W...) in this pattern")
    return f"(?:{folded})"


@lru_cache(maxsize=4096)
def _classify(word: str) -> tuple[str, str, str, bool] | None:
    """(kind, name, owner, generic) of a matched alias; cached, as names repeat."""
    t = _tables()
    for regex, points_to in t.anaphors:
        if regex.match(word):
            return (f"anaphor_{'org' if points_to == 'organisation' else 'model'}", "", "", False)
    for regex, name, owner in t.models:
        if regex.match(word):
            return ("model", name, owner, False)
    for regex, name, generic in t.orgs:
        if regex.match(word):
            return ("org", name, "", generic)
    return None


def find_mentions(text: str, lower: str | None = None) -> list[Mention]:
    """Every organisation, model and anaphor mention in the article, in order.

    Named aliases are matched case-sensitively; generic ones and anaphors on
    the lower-cased text (``lower``, same length as ``text``), which is faster
    than a case-insensitive scan.
    """
    t = _tables()
    if lower is None:
        lower = fold(text)
    found: list[tuple[int, int, str]] = [(a, b, text[a:b]) for a, b in t.regex.spans(text)]
    extra = [(a, b, text[a:b]) for a, b in t.lower_regex.spans(lower)]
    if extra:
        found += extra
        found.sort()
    out: list[Mention] = []
    last_end = -1
    for start, end, word in found:
        if start < last_end:
            continue  # overlaps a mention already taken
        kind = _classify(word)
        if kind:
            out.append(Mention(start, end, *kind))
            last_end = end
    return out
