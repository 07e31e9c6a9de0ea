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
"""
from __future__ import annotations

import re

_SPECIAL = set("\\[](){}.*+?^$|")
_QUANTIFIER = set("?*+{")


def split_alternatives(pattern: str) -> list[str]:
    """The top-level ``|`` alternatives of a regex (groups, classes and escapes respected)."""
    out, depth, start, i, in_class = [], 0, 0, 0, False
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            if ch == "]":
                in_class = False
        elif ch == "[":
            in_class = True
            if pattern[i + 1:i + 2] == "]":  # "[]...]": a leading ']' is a literal
                i += 1
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            out.append(pattern[start:i])
            start = i + 1
        i += 1
    out.append(pattern[start:])
    return out


def _group_end(pattern: str, open_at: int) -> int | None:
    """Index of the ')' closing the group opened at ``open_at``."""
    depth, i, in_class = 0, open_at, False
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
            if pattern[i + 1:i + 2] == "]":
                i += 1
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    return None


def first_literals(alternative: str) -> list[tuple[str, str]] | None:
    """``alternative`` as (first character, rest of the pattern) pairs, or None when it cannot be split."""
    if not alternative:
        return None
    ch = alternative[0]
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
