"""Alternations of words that Python's regex engine can scan quickly.

Why: a pattern such as ``\\b(?:OpenAI|Nvidia|...)`` is tried at every
character of an article, because the leading ``\\b`` hides from the engine
which characters a match can start with. Written as
``(?:O(?<!\\wO)(?:penAI)|N(?<!\\wN)(?:vidia)|...)`` the same pattern starts
with a literal in every branch; the engine then skips in C to the few places
where one of those first characters occurs. Matches are the same: branches
that share a first character keep their order, and branches with different
first characters can never match at the same place.

Lexicon patterns are regexes, so they are rewritten only where that is safe
(a leading literal, escaped literal, simple character class or group); any
other pattern makes :func:`word_alternation` fall back to the plain form.

On lower-cased text even that is slow: nearly every letter can start a
word of the list. :class:`WordScan` then finds the places worth trying with
one Aho–Corasick pass (pyahocorasick, in C) over the patterns' literal
prefixes ("milliard" of "milliarde[n]?"), and runs the regex only there.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

import ahocorasick

_SPECIAL = set("\\[](){}.*+?^$|")
_QUANTIFIER = set("?*+{")


def _syntax(pattern: str, start: int = 0) -> Iterator[tuple[int, str, int]]:
    """(index, character, group depth) of each character outside character classes and escapes."""
    depth, i, in_class = 0, start, False
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
            if pattern[i + 1:i + 2] == "]":  # "[]...]": a leading ']' is a literal
                i += 1
        else:
            if ch == ")":
                depth -= 1
            yield i, ch, depth
            if ch == "(":
                depth += 1
        i += 1


def split_alternatives(pattern: str) -> list[str]:
    """The top-level ``|`` alternatives of a regex (groups, classes and escapes respected)."""
    cuts = [i for i, ch, depth in _syntax(pattern) if ch == "|" and depth == 0]
    return [pattern[a + 1:b] for a, b in zip([-1] + cuts, cuts + [len(pattern)])]


def _group_end(pattern: str, open_at: int) -> int | None:
    """Index of the ')' closing the group opened at ``open_at``."""
    return next((i for i, ch, depth in _syntax(pattern, open_at) if ch == ")" and depth == 0), None)


def first_literals(alternative: str) -> list[tuple[str, str]] | None:
    """``alternative`` as (first character, rest of the pattern) pairs, or None when it cannot be split."""
    if not alternative:
        return None
    ch = alternative[0]
    if alternative.startswith(("(?<=", "(?<!")):
        # "(?<=er\s)als": the lookbehind moves behind the first character, "a(?<=(?:er\s)a)ls"
        end = _group_end(alternative, 0)
        pairs = None if end is None else first_literals(alternative[end + 1:])
        if pairs is None:
            return None
        return [(first, f"{alternative[:4]}(?:{alternative[4:end]}){re.escape(first)})" + rest)
                for first, rest in pairs]
    if ch == "(":
        if not alternative.startswith("(?:"):
            return None
        end = _group_end(alternative, 0)
        if end is None or alternative[end + 1:end + 2] in _QUANTIFIER and alternative[end + 1:end + 2]:
            return None
        rest = alternative[end + 1:]
        out: list[tuple[str, str]] = []
        for inner in split_alternatives(alternative[3:end]):
            got = first_literals(inner + rest)
            if got is None:
                return None
            out.extend(got)
        return out
    if ch == "[":
        close = alternative.find("]", 1)
        body = alternative[1:close]
        if close < 2 or any(c in body for c in "\\^-[") or alternative[close + 1:close + 2] in _QUANTIFIER \
                and alternative[close + 1:close + 2]:
            return None
        return [(c, alternative[close + 1:]) for c in dict.fromkeys(body)]
    if ch == "\\":
        lit = alternative[1:2]
        if not lit or lit.isalnum() or lit == "_":
            return None  # \d, \w, \b ...: not one character
        first, rest = lit, alternative[2:]
    elif ch in _SPECIAL:
        return None
    else:
        first, rest = ch, alternative[1:]
    if rest[:1] and rest[:1] in _QUANTIFIER:
        return None
    return [(first, rest)]


def word_alternation(patterns: list[str], before: str = "nonword") -> str:
    """One regex source matching any of ``patterns`` at a word start, fast to scan.

    ``before="nonword"`` means ``(?<!\\w)`` in front; ``"boundary"`` means ``\\b``.
    Equivalent to ``(?<!\\w)(?:p1|p2|...)`` (or ``\\b(?:...)``), which is what
    is returned when some pattern cannot be rewritten. Callers use the span of
    a match, not its groups: rewriting may copy a pattern's groups.
    """
    lead = r"(?<!\w)" if before == "nonword" else r"\b"
    plain = lead + "(?:" + "|".join(f"(?:{p})" for p in patterns) + ")"
    branches: dict[str, list[str]] = {}
    for pattern in patterns:
        for alt in split_alternatives(pattern):
            pairs = first_literals(alt)
            if pairs is None:
                return plain
            for first, rest in pairs:
                branches.setdefault(first, []).append(rest)
    parts = []
    for first, rests in branches.items():
        esc = re.escape(first)
        wordy = re.match(r"\w", first) is not None
        check = rf"(?<!\w{esc})" if wordy or before == "nonword" else rf"(?<=\w{esc})"
        parts.append(f"{esc}{check}(?:{'|'.join(rests)})")
    fast = "(?:" + "|".join(parts) + ")"
    try:
        re.compile(fast)
    except re.error:  # e.g. a named group copied into two branches
        return plain
    return fast


def literal_prefix(alternative: str) -> str:
    """The literal text every match of ``alternative`` starts with ("" when none)."""
    out, i = [], 0
    while i < len(alternative):
        ch = alternative[i]
        if ch == "\\":
            lit = alternative[i + 1:i + 2]
            if not lit or lit.isalnum() or lit == "_":
                break
            step = 2
        elif ch in _SPECIAL:
            break
        else:
            lit, step = ch, 1
        following = alternative[i + step:i + step + 1]
        if following and following in _QUANTIFIER:
            break  # "modells?": the 's' is optional
        out.append(lit)
        i += step
    return "".join(out)


def literal_prefixes(patterns: list[str]) -> list[str] | None:
    """The literal prefix of every alternative of ``patterns``; None if one cannot be told."""
    out = []
    for pattern in patterns:
        for alt in split_alternatives(pattern):
            pairs = first_literals(alt)
            if pairs is None:
                return None
            out.extend(literal_prefix(first + rest) for first, rest in pairs)
    return out


class WordScan:
    """The matches of a word alternation (see :func:`word_alternation`), case-sensitive.

    ``spans`` gives exactly what ``finditer`` on the regex gives. When every
    alternative starts with at least ``min_prefix`` literal characters, the
    places to try come from an Aho–Corasick pass over those prefixes; a short
    prefix ("a", which occurs everywhere) would make that slower than the
    regex, so then the regex scans alone.
    """

    def __init__(self, patterns: list[str], before: str = "nonword", suffix: str = "", min_prefix: int = 2):
        self.regex = re.compile(word_alternation(patterns, before) + suffix)
        self._automaton = None
        self.prefixes: frozenset[str] = frozenset()
        self._group: tuple[ScanGroup, int] | None = None  # set by a ScanGroup that reads this scan's prefixes
        self._folded_group: tuple[ScanGroup, int] | None = None  # one that reads them lower-cased (see ScanGroup)
        self.walks = 0  # texts its own automaton walked (a test counts them)
        prefixes = literal_prefixes(patterns)
        if prefixes and min(map(len, prefixes)) >= min_prefix:
            automaton = ahocorasick.Automaton()
            for prefix in set(prefixes):
                automaton.add_word(prefix, len(prefix))
            automaton.make_automaton()
            self._automaton = automaton
            self.prefixes = frozenset(prefixes)

    def candidates(self, text: str, start: int = 0, end: int | None = None, folded: str | None = None) -> list[int]:
        """Sorted places in text[start:end] where some pattern could match (all; with ``folded``, maybe more)."""
        end = len(text) if end is None else end
        if self._group is not None and not start and end == len(text):
            group, k = self._group
            return group.candidates(text)[k]
        if self._folded_group is not None and folded is not None and not start and end == len(text):
            group, k = self._folded_group
            return group.candidates(folded)[k]
        if self._automaton is None:
            return sorted({m.start() for m in self.regex.finditer(text, start, end)})
        self.walks += 1
        if start or end < len(text):  # a slice: iter(text, start, end) would convert all of text each call
            return sorted({start + stop - size + 1 for stop, size in self._automaton.iter(text[start:end])})
        return sorted({stop - size + 1 for stop, size in self._automaton.iter(text)})

    def spans(self, text: str, start: int = 0, end: int | None = None, folded: str | None = None) -> list[tuple[int, int]]:
        """Non-overlapping matches in text[start:end], as ``regex.finditer`` finds them (``folded``: the text's
        :func:`casefold.fold`, when the caller has it: a group may have found the places in it already)."""
        end = len(text) if end is None else end
        if self._automaton is None:
            return [m.span() for m in self.regex.finditer(text, start, end)]
        out: list[tuple[int, int]] = []
        after = start
        match = self.regex.match
        for pos in self.candidates(text, start, end, folded):
            if pos < after:
                continue
            m = match(text, pos, end)
            if m:  # a match at pos starts there: its span is (pos, end)
                stop = m.end()
                out.append((pos, stop))
                after = stop if stop > pos else pos + 1
        return out


class ScanGroup:
    """Several :class:`WordScan` read over the same text in one Aho–Corasick pass instead of one each.

    Why: the lower-cased article is searched for generic names and anaphors, number words and page
    furniture; each pass walks every character again, and the walk, not the few places it finds, is
    what it costs. The group's automaton holds every member's prefixes, each tagged with the members
    it belongs to; a member asked for the candidates of the whole text gets its share of the group's
    one pass (kept for the last text read, recognised by identity). The places are exactly those the
    member's own automaton finds. Members without an automaton are left out (they scan by regex).

    ``folded``: case-sensitive scans of the article itself (named aliases), read in the same pass through
    their prefixes lower-cased: where a prefix stands in the article, its lower case stands at the same place
    in the folded text (a prefix with a sigma or a length-changing letter keeps its own walk). The places
    are a superset of the member's own; its regex, run on the article there, fails at the extra ones."""

    def __init__(self, scans: list[WordScan | None], folded: list[WordScan | None] = ()):
        self.members = [s for s in dict.fromkeys(scans) if s is not None and s.prefixes]
        alike = [s for s in dict.fromkeys(folded) if s is not None and s.prefixes and s not in self.members
                 and all(map(_folds_alike, s.prefixes))]
        owners: dict[str, list[int]] = {}
        for k, scan in enumerate(self.members):
            for prefix in scan.prefixes:
                owners.setdefault(prefix, []).append(k)
        for k, scan in enumerate(alike, start=len(self.members)):
            for prefix in {p.lower() for p in scan.prefixes}:
                owners.setdefault(prefix, []).append(k)
        self._automaton = ahocorasick.Automaton()
        for prefix, ks in owners.items():
            self._automaton.add_word(prefix, (len(prefix), tuple(ks)))
        self._automaton.make_automaton()
        self._size, self._last = len(self.members) + len(alike), None  # _last: the last text and its places
        self.passes = 0  # texts read so far (a test counts them)
        for k, scan in enumerate(self.members + alike):
            setattr(scan, "_group" if k < len(self.members) else "_folded_group", (self, k))

    def candidates(self, text: str) -> list[list[int]]:
        """Each member's sorted candidate places in ``text``, from one pass (the last text's are kept)."""
        last = self._last
        if last is not None and last[0] is text:
            return last[1]
        found: list[set[int]] = [set() for _ in range(self._size)]
        adds = [f.add for f in found]
        for stop, (size, ks) in self._automaton.iter(text):
            for k in ks:
                adds[k](stop - size + 1)
        self.passes += 1
        out = [sorted(f) for f in found]
        self._last = (text, out)
        return out


def _folds_alike(prefix: str) -> bool:
    """Whether the lower case of ``prefix`` stands wherever it stands in an article's :func:`casefold.fold`: each
    letter lower-cases to one, and none is a sigma (``str.lower`` writes a final one as 'ς')."""
    return len(prefix.lower()) == len(prefix) and not any(c in "Σσς" for c in prefix)
