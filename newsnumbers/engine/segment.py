"""Sentences, clauses and language of an article.

Why by hand: attribution needs character offsets for sentences and clauses,
and the whole pass must stay at C speed (one regex scan per article), which
the sentence splitters on offer (pySBD and friends) do not reach.
"""
from __future__ import annotations

import bisect
import itertools
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
# The regex means  \n+ | [.!?…]+["“”»«’')\]]*[ \t\u00a0]+(?=["„“«»(]?[A-ZÄÖÜ0-9]) | a mark right between a lower-case
# word and a capitalised one, as scraped text loses the space ("Rekordergebnisse erzielt.Samsung Electronics konnte")
# but starts with one character class, so the engine jumps between candidates.
# Only the first mark of a run ("...", "?!") starts a match: tried at every mark of a long
# run of dots, the pattern read the rest of the run each time (square time).
_SENTENCE_END = re.compile(r"[\n.!?…](?:(?<=\n)\n*|(?<=[.!?…])(?<![.!?…]{2})[.!?…]*[\"“”»«’')\]]*[ \t\u00a0]+(?=[\"„“«»(]?[A-ZÄÖÜ0-9])"
                             r"|(?<=[a-zäöüß]{3}[.!?])(?=[A-ZÄÖÜ][a-zäöüß]))")  # no space after it: "erzielt.Samsung" (scraped text)
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


MAX_SENTENCE_CHARS = 600  # real sentences stay under 400; longer runs (a page on one line) are cut
_CLAUSE_BREAK = re.compile(r"[,;:)–—][ \t\u00a0]+|(?<![ \t\u00a0])[ \t\u00a0]++[–—-][ \t\u00a0]+")
_SPACE = re.compile(r"[ \t\u00a0]+")


def cut_long(text: str, starts: list[int], limit: int = MAX_SENTENCE_CHARS) -> tuple[list[int], frozenset[int]]:
    """Sentence starts with every sentence longer than ``limit`` cut into pieces, and the cut offsets.

    Why: attribution looks at a figure's whole sentence, so a line without a
    sentence end (a scraped page, a list of links) made every figure cost the
    whole line: square time, and a sentence column repeating the line. A cut
    falls after the last clause break (comma, semicolon, dash) of the second
    half of the piece, else after its last space, else at the limit.

    >>> starts, cuts = cut_long("aaaa, bbbb cccc", [0, 15], limit=8)
    >>> starts, sorted(cuts)
    ([0, 6, 11, 15], [6, 11])
    """
    out, cuts = [starts[0]], set()
    for a, b in zip(starts, starts[1:]):
        while b - a > limit:
            lo, hi = a + limit // 2, a + limit
            cut = None
            for m in _CLAUSE_BREAK.finditer(text, lo, hi):
                cut = m.end()
            if cut is None:
                for m in _SPACE.finditer(text, lo, hi):
                    cut = m.end()
            a = cut if cut is not None and cut < b else hi
            out.append(a)
            cuts.add(a)
        out.append(b)
    return out, frozenset(cuts)


SENTENCE_COLUMN_MAX = 600  # characters of the sentence column; longer ones keep a window around the figure


def sentence_column(text: str, span: tuple[int, int], figure: tuple[int, int], cut: tuple[bool, bool]) -> str:
    """The sentence ``span`` of the figure at ``figure`` (start, end), whitespace folded, for the table's
    ``sentence`` column: at most :data:`SENTENCE_COLUMN_MAX` characters around the figure.

    Why a cap: a line without sentence ends (a page pasted on one line) made
    every row repeat the whole line, and a 100 KB line a 400 MB table. A "…"
    marks where the text goes on (a window, or a cut in a too-long sentence).
    """
    (a, b), (fig_start, fig_end) = (span[0], max(span[1], figure[1])), figure
    cut_before, cut_after = cut
    if b - a > SENTENCE_COLUMN_MAX:
        room = max(0, SENTENCE_COLUMN_MAX - (fig_end - fig_start))
        lo = max(a, fig_start - room // 2)
        hi = min(b, max(fig_end, lo + SENTENCE_COLUMN_MAX))
        lo = max(a, min(lo, hi - SENTENCE_COLUMN_MAX))
        if lo > a:  # start and end on whole words
            space = text.find(" ", lo, fig_start)
            lo = space + 1 if space >= 0 else lo
        if hi < b:
            space = text.rfind(" ", fig_end, hi)
            hi = space if space >= 0 else hi
        cut_before, cut_after, a, b = cut_before or lo > a, cut_after or hi < b, lo, hi
    body = " ".join(text[a:b].split())
    return ("…" if cut_before else "") + body + ("…" if cut_after else "")


def blocks(text: str, size: int) -> list[tuple[int, int]]:
    """(start, end) of the parts a text is read in: the whole, or parts of at most ``size`` characters,
    each ending after the last paragraph break (else line break, else space) of its second half.

    >>> blocks("aaa bbb\\n\\nccc ddd", size=12)
    [(0, 9), (9, 16)]
    """
    out, a = [], 0
    while len(text) - a > size:
        lo, hi = a + size // 2, a + size
        for sep in ("\n\n", "\n", " "):
            cut = text.rfind(sep, lo, hi)
            if cut >= 0:
                cut += len(sep)
                break
        else:
            cut = hi
        out.append((a, cut))
        a = cut
    out.append((a, len(text)))
    return out


@dataclass(frozen=True)
class Segmenter:
    """Sentence lookup by offset for one article."""

    text: str
    starts: list[int]
    cuts: frozenset[int] = frozenset()  # starts that are cuts in a too-long sentence, not sentence ends
    _spans: dict[int, tuple[int, int]] = field(default_factory=dict)

    @classmethod
    def of(cls, text: str) -> Segmenter:
        return cls(text, *cut_long(text, sentence_bounds(text)))

    def was_cut(self, index: int) -> tuple[bool, bool]:
        """Whether sentence ``index`` begins and ends at a cut (see :func:`cut_long`) rather than a sentence end."""
        end = self.starts[index + 1] if index + 1 < len(self.starts) else len(self.text)
        return self.starts[index] in self.cuts, end in self.cuts

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
    # space or comma to the next instead of trying every character. Only the
    # first space of a run starts a match, and reads the run once (possessive):
    # tried at every space of a long run, the pattern read the run again each time.
    clause = re.compile(
        r"[\s,;:–—](?:(?<=[,;:–—])\s*|(?<=\s)(?<!\s\s)(?:\s*+[,;:–—]\s*|\s*+-\s+|\s*+(?="
        + wordscan.word_alternation(sorted((w.lower() for w in words), key=len, reverse=True), "boundary")
        + r"\b)))")
    comp = re.compile(r"\b" + lexicon.alternation(comparison) + r"\b", re.IGNORECASE)
    return clause, comp


class Clause(NamedTuple):
    """A stretch of a sentence between clause boundaries (a tuple: made for every sentence with figures)."""

    start: int
    end: int
    comparison: bool  # opens with a comparison marker: names the other side
    relative: bool    # opens with a relative pronoun after a comma (or, for "which"/"welche", a dash)


@lru_cache(maxsize=2)
def _relative(role: str = "relative_pronoun") -> re.Pattern[str]:
    """Relative pronouns (lexicon): after a comma they open a clause about the noun before it; those of
    role ``relative_after_dash`` after a dash too."""
    return re.compile(lexicon.in_order(lexicon.load().words(role)) + r"\b", re.IGNORECASE)


def _opens_relative(sep: str, text: str, at: int) -> bool:
    """Whether the clause at ``at``, after the separator ``sep``, is a relative clause."""
    if "," in sep:
        return bool(_relative().match(text, at))
    return ("—" in sep or "–" in sep) and bool(_relative("relative_after_dash").match(text, at))


def clauses(text: str, start: int, end: int, protect: list[tuple[int, int]] = (),
            lower: str | None = None) -> list[Clause]:
    """Split text[start:end] into clauses; boundaries inside ``protect`` spans (figures) are ignored.

    ``lower`` is the lower-cased text (same length), when the caller has it.
    """
    clause_re, comp_re = _boundary_regexes()
    if lower is None:
        lower = fold(text[:end])
    cuts: list[tuple[int, int, str]] = []
    protect = sorted(protect)
    protect_starts, reach = [a for a, _ in protect], list(itertools.accumulate((b for _, b in protect), max))
    for m in clause_re.finditer(lower, start, end):
        k = bisect.bisect_right(protect_starts, m.start()) - 1  # a boundary inside a figure is none
        if k >= 0 and m.start() < reach[k]:
            continue
        cuts.append((m.start(), m.end(), m.group()))
    out: list[Clause] = []
    prev_end, prev_sep = start, ""
    for cut_start, cut_end, sep in cuts + [(end, end, "")]:
        if cut_start > prev_end or (cut_start == end and prev_end < end):
            lead_at = prev_end  # where the clause's first word starts: a boundary takes the spaces after it
            if text[prev_end:prev_end + 1].isspace():  # (not at the sentence's start)
                body = text[prev_end:cut_start]
                lead_at += len(body) - len(body.lstrip())
            out.append(Clause(prev_end, cut_start,
                              bool(comp_re.match(text, lead_at)),
                              _opens_relative(prev_sep, text, lead_at)))
        prev_end, prev_sep = cut_end, sep
    return out or [Clause(start, end, False, False)]


@lru_cache(maxsize=1)
def _stopwords() -> dict[str, str]:
    rows = lexicon.load().stopwords
    for r in rows:
        if not re.fullmatch(r"\w+", r["word"]):
            raise lexicon.LexiconError(f"{r.where()}: a stopword is one word of letters, not {r['word']!r}")
    return {r["word"].lower(): r["language"] for r in rows}


_WORD = re.compile(r"\w+")


def detect_language(text: str, sample: int = 6000, folded: str | None = None) -> str:
    """'de' or 'en' by counting frequent words in the first ``sample`` characters (German on a tie).

    Words are runs of word characters, looked up in the stopword table: the
    same counts as a ``\\b(?:der|die|...)\\b`` scan, at a fraction of the cost.
    ``folded``: the text's :func:`casefold.fold`, when the caller has it. Unless the text holds 'İ' (the one
    character whose lower case is longer, which fold keeps), fold is ``text.lower()``, and its words up to
    ``sample`` are those of the lower-cased sample (only a final sigma may differ, and no stopword has one),
    so the sample is read from it instead of being lower-cased again.
    """
    table = _stopwords()
    if folded is not None and "\u0130" not in text:
        words = _WORD.findall(folded, 0, sample)
    else:
        words = _WORD.findall(text[:sample].lower())
    found = list(filter(None, map(table.get, words)))  # the languages of the stopwords, looked up in C
    english = found.count("en")
    return "en" if english > len(found) - english else "de"
