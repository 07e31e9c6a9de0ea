"""A pattern looked for only in the lines that hold a rare part of it.

Why: a pattern that opens with a capitalised word (a company's name in :mod:`.attribute.new_names`) is entered
at every capital of an article, though its matches need a rare word after the name (" AI", " Inc") on the
same line. Looking for that word first, and for the pattern only in its lines, finds the same matches.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

_MAY_MATCH_A_BREAK = ("\\s", "\\W", "\\D", "\\n", "\\x", "\\u", "\\0", "[^", "(?s")


def one_line(words: list[str]) -> bool:
    r"""Whether no word pattern can match a line break (nothing like ``\s``, ``\W``, ``[^…]``): what holds such
    words stands on one line.

    >>> one_line(["Inc\\.?", "AG"]), one_line([r"mit\s+jeweils"])
    (True, False)
    """
    return not any(x in w for w in words for x in _MAY_MATCH_A_BREAK)


def in_lines(pattern: re.Pattern[str], tail: re.Pattern[str] | None, text: str) -> Iterator[re.Match[str]]:
    """What ``pattern.finditer(text)`` finds, looked for only in the lines where ``tail`` stands (None: everywhere).

    The caller vouches that no match of ``pattern``, nor what it looks at around a match, crosses a line break,
    and that every match holds a place where ``tail`` matches. Then the search of a line (up to and with its
    break: the same lookarounds) finds what the search of the whole text finds there, and nothing stands elsewhere.

    >>> [m.group() for m in in_lines(re.compile(r"[A-Z]\\w* AI"), re.compile(" AI"), "Orca AI\\nNo\\nMistral AI")]
    ['Orca AI', 'Mistral AI']
    """
    if tail is None:
        yield from pattern.finditer(text)
        return
    done = 0  # where the last line searched ends
    for t in tail.finditer(text):
        if t.start() < done:
            continue
        done = text.find("\n", t.start()) + 1 or len(text)
        yield from pattern.finditer(text, text.rfind("\n", 0, t.start()) + 1, done)
