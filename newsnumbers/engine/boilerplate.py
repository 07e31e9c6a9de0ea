"""Web-page furniture and links in an article's text: where figures are not taken.

Why so narrow: furniture is short (a consent line, a newsletter box, a "Mehr
zum Thema" link list). An earlier rule skipped any paragraph that mentioned
"Datenschutz" or "Newsletter", and everything after a "Read more" line; one
mention in a news paragraph, or a link list in mid-article, cost every
figure after it, silently. Now a cue skips only its short paragraph (words
that news prose uses too need a call to the reader beside them), a link-list
heading only the short link titles after it, and the caller reports every
figure skipped as furniture. The words are in ``lexicon/boilerplate.csv``.
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache
from typing import NamedTuple

from .. import lexicon
from . import wordscan
from .casefold import fold

FURNITURE_MAX_CHARS = 250  # a longer paragraph (or sentence, in a long line) is prose, whatever it mentions
LINK_TITLE_MAX_CHARS = 150  # a link title: a short line that does not end like a sentence
TEASER_MAX_CHARS = 400  # a link's teaser: the line right under its title
HEADING_MAX_EXTRA = 120  # "Mehr zum Thema: <link title>": what may follow the cue on its line

_URL = re.compile(r"(?:https?://|www\.)\S+")
_AT = re.compile(r"@[\w-]+(?:\.[\w-]+)+")
_LOCAL_PART = re.compile(r"[^\s@]{0,64}$")  # an e-mail address's local part (at most 64 characters)
_SENTENCE_END = re.compile(r"[.!?…][\"“”»«’')\]]*\s+")
_GAP = re.compile(r"\s*")


class Spans:
    """Sorted, merged character spans; whether an offset falls inside one is a bisection, not a scan."""

    def __init__(self, spans: list[tuple[int, int]]):
        merged: list[list[int]] = []
        for a, b in sorted(spans):
            if merged and a <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], b)
            elif b > a:
                merged.append([a, b])
        self.starts = [a for a, _ in merged]
        self.ends = [b for _, b in merged]

    def __contains__(self, pos: int) -> bool:
        i = bisect.bisect_right(self.starts, pos) - 1
        return i >= 0 and pos < self.ends[i]

    def __len__(self) -> int:
        return len(self.starts)


class Boilerplate(NamedTuple):
    """Where figures are not taken: page furniture (reported when it holds figures) and links (digits there are no figures)."""

    furniture: Spans
    links: Spans


class _Cues(NamedTuple):
    strong: wordscan.WordScan | None
    weak: wordscan.WordScan | None
    action: re.Pattern[str]
    heading: re.Pattern[str]


@lru_cache(maxsize=1)
def _cues() -> _Cues:
    rows = lexicon.load().boilerplate
    by = {scope: [r["pattern"] for r in rows if r["scope"] == scope] for scope in ("line", "weak", "action", "links")}
    unknown = [r for r in rows if r["scope"] not in by]
    if unknown:
        raise lexicon.LexiconError(f"{unknown[0].where()}: scope must be line, weak, action or links, not {unknown[0]['scope']!r}")

    def scan(patterns: list[str]) -> wordscan.WordScan | None:
        return wordscan.WordScan(sorted((p.lower() for p in patterns), key=len, reverse=True), "boundary",
                                 suffix=r"\b") if patterns else None

    return _Cues(scan(by["line"]), scan(by["weak"]),
                 re.compile(r"\b" + lexicon.alternation(by["action"]) + r"\b", re.IGNORECASE) if by["action"] else re.compile("(?!)"),
                 re.compile(r"^[ \t>»→•*-]*" + lexicon.alternation(by["links"]) + rf"\b[^\n]{{0,{HEADING_MAX_EXTRA}}}$",
                            re.IGNORECASE | re.MULTILINE) if by["links"] else re.compile("(?!)"))


def find(text: str, folded: str | None = None) -> Boilerplate:
    """Page furniture and links in ``text`` (``folded``: its :func:`casefold.fold`, when the caller has it)."""
    cues = _cues()
    folded = fold(text) if folded is None else folded
    furniture: list[tuple[int, int]] = []
    for scan, needs_action in ((cues.strong, False), (cues.weak, True)):
        if scan is None:
            continue
        last_end = -1
        for start, end in scan.spans(folded):
            if start < last_end:
                continue  # inside a paragraph already found to be furniture
            unit = _short_unit(text, start, end)
            if unit and (not needs_action or cues.action.search(text, *unit)):
                furniture.append(unit)
                last_end = unit[1]
    pos = 0
    while (m := cues.heading.search(text, pos)) is not None:  # a heading inside a list already found is part of it
        end = _link_list_end(text, m.end())
        furniture.append((m.start(), end))
        pos = max(end, m.end() + 1)
    # digits in links are not figures; a link holds "://" or "www." (looked for first: most articles have none,
    # and the regex is entered at every 'h' and 'w')
    links = [u.span() for u in _URL.finditer(text)] if "://" in text or "www." in text else []
    for at in _AT.finditer(text):  # e-mail addresses
        lo = max(0, at.start() - 64)
        local = _LOCAL_PART.search(text, lo, at.start())
        links.append((local.start() if local else at.start(), at.end()))
    return Boilerplate(Spans(furniture), Spans(links))


def _short_unit(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The short paragraph holding text[start:end]: its line, or in a long line its sentence; None when neither is short.

    Looks at most :data:`FURNITURE_MAX_CHARS` either side, so a cue in a
    megabyte-long line costs no more than one in a short one.
    """
    lo, hi = max(0, start - FURNITURE_MAX_CHARS), min(len(text), end + FURNITURE_MAX_CHARS)
    before, after = text.rfind("\n", lo, start), text.find("\n", end, hi)
    line_a = before + 1 if before >= 0 else (0 if lo == 0 else None)  # None: the line starts beyond the window
    line_b = after if after >= 0 else (len(text) if hi == len(text) else None)
    if line_a is not None and line_b is not None and line_b - line_a <= FURNITURE_MAX_CHARS:
        return line_a, line_b
    sentence_a = line_a  # the sentence around the cue, inside its long line
    for m in _SENTENCE_END.finditer(text, lo if line_a is None else line_a, start):
        sentence_a = m.end()
    m = _SENTENCE_END.search(text, end, hi if line_b is None else line_b)
    sentence_b = m.end() if m else line_b
    if sentence_a is None or sentence_b is None or sentence_b - sentence_a > FURNITURE_MAX_CHARS:
        return None
    return sentence_a, sentence_b


def _link_list_end(text: str, pos: int) -> int:
    """Where the link list under a heading line ending at ``pos`` ends: after the short link titles
    (lines that do not end like a sentence) and the teaser right under each; the first line of prose ends it."""
    end, title_above = pos, False
    while end < len(text):
        gap = _GAP.match(text, end).end()
        if gap >= len(text):
            return len(text)
        limit = min(len(text), gap + TEASER_MAX_CHARS + 1)
        found = text.find("\n", gap, limit)
        if found < 0 and limit < len(text):
            break  # a long line: prose
        line_end = limit if found < 0 else found
        line = text[gap:line_end].rstrip()
        title = len(line) <= LINK_TITLE_MAX_CHARS and not line.endswith((".", ":"))
        teaser = title_above and text.count("\n", end, gap) == 1
        if not (title or teaser):
            break
        end, title_above = line_end, title
    return end
