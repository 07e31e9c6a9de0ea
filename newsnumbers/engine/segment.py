"""Sentences, clauses, boilerplate regions and language of an article.

Why by hand: attribution needs character offsets for sentences and clauses,
and the whole pass must stay at C speed (one regex scan per article), which
the sentence splitters on offer (pySBD and friends) do not reach.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from .. import lexicon
from . import wordscan
from .casefold import fold

# A line break always ends a sentence (headlines, lists); a full stop ends one
# when followed by a capital, unless it closes an abbreviation (lexicon) or a
# short ordinal ("27. Januar"). The abbreviation check runs only on candidates.
# The regex means  \n+ | [.!?…]+["“”»«’')\]]*[ \t\u00a0]+(?=["„“«»(]?[A-ZÄÖÜ0-9])
# but starts with one character class, so the engine jumps between candidates.
_SENTENCE_END = re.compile(r"[\n.!?…](?:(?<=\n)\n*|(?<=[.!?…])[.!?…]*[\"“”»«’')\]]*[ \t\u00a0]+(?=[\"„“«»(]?[A-ZÄÖÜ0-9]))")
_WORD_BEFORE = re.compile(r"(\S+)$")


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    return frozenset(r["abbreviation"].lower() for r in lexicon.load().abbreviations)


def _closes_abbreviation(text: str, pos: int) -> bool:
    m = _WORD_BEFORE.search(text, max(0, pos - 12), pos)
    if not m:
        return False
    word = m.group(1).lstrip("(\"„“«»").lower()
    return word in _abbreviations() or (word.isdigit() and len(word) <= 2)


def sentence_bounds(text: str) -> list[int]:
    """Sorted offsets where sentences start (0 included); sentence i is [b[i], b[i+1])."""
    starts = [0]
    for m in _SENTENCE_END.finditer(text):
        if m.group()[0] != "\n" and _closes_abbreviation(text, m.start()):
            continue
        starts.append(m.end())
    starts.append(len(text))
    return starts


@dataclass(frozen=True)
class Segmenter:
    """Sentence lookup by offset for one article."""

    text: str
    starts: list[int]
    _spans: dict[int, tuple[int, int]] = field(default_factory=dict)

    @classmethod
    def of(cls, text: str) -> Segmenter:
        return cls(text, sentence_bounds(text))

    def sentence_index(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.starts, pos) - 1)

    def sentence_span(self, index: int) -> tuple[int, int]:
        span = self._spans.get(index)
        if span is None:
            start = self.starts[index]
            end = self.starts[index + 1] if index + 1 < len(self.starts) else len(self.text)
            # strip trailing whitespace so the sentence column reads cleanly
            while end > start and self.text[end - 1].isspace():
                end -= 1
            span = self._spans[index] = (start, end)
        return span


@lru_cache(maxsize=1)
def _boundary_regexes() -> tuple[re.Pattern[str], re.Pattern[str]]:
    rows = lexicon.load().boundaries
    words = [r["pattern"] for r in rows]
    comparison = [r["pattern"] for r in rows if r["kind"] == "comparison"]
    # On lower-cased text, a clause boundary is punctuation with its spaces, a
    # spaced dash, or the spaces before a boundary word. Written as
    #   \s*[,;:–—]\s* | \s+-\s+ | \s+(?=\b(?:words)\b)
    # but starting with one character class, so the engine jumps from one
    # space or comma to the next instead of trying every character.
    clause = re.compile(
        r"[\s,;:–—](?:(?<=[,;:–—])\s*|(?<=\s)(?:\s*[,;:–—]\s*|\s*-\s+|\s*(?="
        + wordscan.word_alternation(sorted((w.lower() for w in words), key=len, reverse=True), "boundary")
        + r"\b)))")
    comp = re.compile(r"\b" + lexicon.alternation(comparison) + r"\b", re.IGNORECASE)
    return clause, comp


class Clause(NamedTuple):
    """A stretch of a sentence between clause boundaries (a tuple: made for every sentence with figures)."""

    start: int
    end: int
    comparison: bool  # opens with a comparison marker: names the other side
    relative: bool    # opens with a relative pronoun after a comma


@lru_cache(maxsize=1)
def _relative() -> re.Pattern[str]:
    """Relative pronouns (lexicon): after a comma they open a clause about the noun before it."""
    return re.compile(lexicon.in_order(lexicon.load().words("relative_pronoun")) + r"\b", re.IGNORECASE)


def clauses(text: str, start: int, end: int, protect: list[tuple[int, int]] = (),
            lower: str | None = None) -> list[Clause]:
    """Split text[start:end] into clauses; boundaries inside ``protect`` spans (figures) are ignored.

    ``lower`` is the lower-cased text (same length), when the caller has it.
    """
    clause_re, comp_re = _boundary_regexes()
    if lower is None:
        lower = fold(text[:end])
    cuts: list[tuple[int, int, str]] = []
    for m in clause_re.finditer(lower, start, end):
        if any(a <= m.start() < b for a, b in protect):
            continue
        cuts.append((m.start(), m.end(), m.group()))
    out: list[Clause] = []
    prev_end, prev_sep = start, ""
    for cut_start, cut_end, sep in cuts + [(end, end, "")]:
        if cut_start > prev_end or (cut_start == end and prev_end < end):
            body = text[prev_end:cut_start]
            lead_at = prev_end + len(body) - len(body.lstrip())
            out.append(Clause(prev_end, cut_start,
                              bool(comp_re.match(text, lead_at)),
                              "," in prev_sep and bool(_relative().match(text, lead_at))))
        prev_end, prev_sep = cut_end, sep
    return out or [Clause(start, end, False, False)]


@lru_cache(maxsize=1)
def _boilerplate_regexes() -> tuple[wordscan.WordScan, re.Pattern[str]]:
    rows = lexicon.load().boilerplate
    line = [r["pattern"] for r in rows if r["scope"] == "line"]
    rest = [r["pattern"] for r in rows if r["scope"] == "rest"]
    return (wordscan.WordScan(sorted((p.lower() for p in line), key=len, reverse=True), "boundary", suffix=r"\b"),
            re.compile(r"^[ \t]*" + lexicon.alternation(rest) + r"\b[^\n]{0,40}$",
                       re.IGNORECASE | re.MULTILINE))


def boilerplate_spans(text: str, folded: str | None = None) -> list[tuple[int, int]]:
    """Regions of web furniture (cookie banners, comment forms, 'read more' tails).

    A paragraph is furniture when it mentions a line cue; a short line with a
    'rest' cue ("Previous Post", "Das könnte Sie auch interessieren") starts
    the tail of the page, which is skipped to the end.
    """
    line_re, rest_re = _boilerplate_regexes()
    spans: list[tuple[int, int]] = []
    for start, end in line_re.spans(fold(text) if folded is None else folded):
        a = text.rfind("\n", 0, start) + 1
        b = text.find("\n", end)
        spans.append((a, len(text) if b < 0 else b))
    m = rest_re.search(text)
    if m:
        spans.append((m.start(), len(text)))
    spans.extend((u.start(), u.end()) for u in _URL.finditer(text))  # digits in links are not figures
    for at in _AT.finditer(text):  # e-mail addresses
        a = text.rfind(" ", 0, at.start()) + 1
        spans.append((a, at.end()))
    return spans


_URL = re.compile(r"(?:https?://|www\.)\S+")
_AT = re.compile(r"@[\w-]+(?:\.[\w-]+)+")


@lru_cache(maxsize=1)
def _stopwords() -> dict[str, str]:
    rows = lexicon.load().stopwords
    for r in rows:
        if not re.fullmatch(r"\w+", r["word"]):
            raise lexicon.LexiconError(f"{r.where()}: a stopword is one word of letters, not {r['word']!r}")
    return {r["word"].lower(): r["language"] for r in rows}


_WORD = re.compile(r"\w+")


def detect_language(text: str, sample: int = 6000) -> str:
    """'de' or 'en' by counting frequent words in the first ``sample`` characters (German on a tie).

    Words are runs of word characters, looked up in the stopword table: the
    same counts as a ``\\b(?:der|die|...)\\b`` scan, at a fraction of the cost.
    """
    table = _stopwords()
    counts = {"de": 0, "en": 0}
    for word in _WORD.findall(text[:sample].lower()):
        language = table.get(word)
        if language:
            counts[language] += 1
    return "en" if counts["en"] > counts["de"] else "de"
