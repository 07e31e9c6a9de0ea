"""The literal strings a regex cannot match without: a screen that costs a few substring tests.

Why: some rules are searched in every figure's clause although few clauses
hold any of their words (the period rules: "pro Jahr", "over four years").
Searching a short clause for a regex of several alternatives costs the
engine a try at every character; testing whether the clause contains
"jahr" or "quartal" costs almost nothing. A clause that contains none of a
rule's required literals cannot match it, so it is turned away before the
regex runs; any other clause is searched as before, so what is found never
changes.

The analysis reads the compiled pattern's parse tree (the standard library's
``re._parser``): a run of literal characters that every match contains is
required; of a group, what its contents require; of alternatives, the union
of what each requires; of a repeat at least once, what its body requires.
Anything it cannot read (case-insensitive parts, a pattern with no required
literal) gives None: no screen.
"""
from __future__ import annotations

import re
from re import _constants as C  # noqa: N812 - the parser's opcodes
from re import _parser

Needs = frozenset[str]  # a match contains at least one of these strings


def required(pattern: re.Pattern[str]) -> Needs | None:
    """Strings one of which every match of ``pattern`` contains, or None when that cannot be told."""
    if pattern.flags & re.IGNORECASE:
        return None
    try:
        tree = _parser.parse(pattern.pattern, pattern.flags)
    except (re.error, TypeError, ValueError):
        return None
    return _of_sequence(list(tree))


def _better(a: Needs | None, b: Needs | None) -> Needs | None:
    """The more telling of two sets of required strings: the one whose shortest string is longest."""
    if a is None:
        return b
    if b is None:
        return a
    return b if min(map(len, b)) > min(map(len, a)) else a


def _of_sequence(items: list) -> Needs | None:
    """What a sequence of parsed items requires: the best of its literal runs and its required parts."""
    best: Needs | None = None
    run: list[str] = []
    for op, av in items:
        if op is C.LITERAL:
            run.append(chr(av))
            continue
        if run:
            best = _better(best, frozenset(["".join(run)]))
            run = []
        best = _better(best, _of_item(op, av))
    if run:
        best = _better(best, frozenset(["".join(run)]))
    return best


def _of_item(op: object, av: object) -> Needs | None:
    """What one parsed item other than a literal requires (None: nothing that can be told)."""
    if op is C.SUBPATTERN:
        _, add_flags, _, body = av
        return None if add_flags & re.IGNORECASE else _of_sequence(list(body))
    if op is C.BRANCH:
        parts = [_of_sequence(list(alternative)) for alternative in av[1]]
        return None if any(p is None for p in parts) else frozenset().union(*parts)
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT) and av[0] >= 1:
        return _of_sequence(list(av[2]))
    if op is C.ATOMIC_GROUP:
        return _of_sequence(list(av))
    return None
