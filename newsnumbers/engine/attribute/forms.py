"""Where the forms of a name found once stand again in the article ("Emmi AI" found by its suffix, then "Emmi"
alone): plain string search with word boundaries, as a regex compiled per article would cost more than the search.
Also the forms a lexicon name takes in German text (:func:`inflected`: declined, or hyphenated in a compound)."""
from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from ... import lexicon


def found_again(text: str, forms: Iterable[str]) -> list[tuple[int, int, str]]:
    r"""(start, end, form) of what ``(?<![\w-])(?:f1|f2|...)(?![\w-])`` finds with the forms longest first: at each
    place the longest form that stands there whole, left to right without overlaps. Found with ``str.find``:
    compiling that regex for each article's names cost more than finding them (``re`` caches 512 patterns, and
    each article's names make a new one)."""
    hits = []
    for form in forms:
        at = text.find(form)
        while at >= 0:
            end = at + len(form)
            if not (_joins(text[at - 1:at]) or _joins(text[end:end + 1])):
                hits.append((at, -len(form), form))
            at = text.find(form, at + 1)
    hits.sort()
    out: list[tuple[int, int, str]] = []
    for at, size, form in hits:
        if not out or at >= out[-1][1]:
            out.append((at, at - size, form))
    return out


def _joins(ch: str) -> bool:
    r"""Whether ``ch`` (one character or none) would join a name to the word beside it: ``[\w-]``."""
    return ch == "-" or ch == "_" or ch.isalnum()


def short_form(text: str, name: str) -> bool:
    """Whether a one-word name stands elsewhere in the text as the first word of a longer capitalised name: then it is
    that name's short form ("Orbex Cloud reported … Orbex expects"), which :func:`found_again` maps to it, no new company."""
    at = text.find(name + " ")
    while at >= 0:
        nxt = text[at + len(name) + 1:at + len(name) + 2]
        if nxt.isupper() and not _joins(text[at - 1:at]):
            return True
        at = text.find(name + " ", at + 1)
    return False


def usual_short_names(text: str, names: Iterable[str]) -> dict[str, str]:
    """Name -> its usual short name, for names that end in group or trade words their short name leaves out
    (grammar_words ``name_suffix_usual``: "Micron Technology", "Comet Holding") where the text also names the
    company without them ("… Micron"): the short form is what the article calls it. The short form must stand
    whole and not before those words (not the "Micron" of "Micron Technology")."""
    tail = _usual_tail()
    out = {}
    for name in names:
        m = tail.search(name)
        if m is None or m.start() == 0:
            continue
        core = name[:m.start()]
        if any(not text.startswith(name[m.start():], end) for _, end, _ in found_again(text, [core])) or _compound_head(text, core):
            out[name] = core
    return out


def _compound_head(text: str, word: str) -> bool:
    """Whether ``word`` opens a hyphenated compound somewhere in the text ("Micron-Chef", "Comet-Aktie")."""
    at = text.find(word + "-")
    while at >= 0:
        if not _joins(text[at - 1:at]) and text[at + len(word) + 1:at + len(word) + 2].isalpha():
            return True
        at = text.find(word + "-", at + 1)
    return False


@lru_cache(maxsize=1)
def _usual_tail() -> re.Pattern[str]:
    """One or more ``name_suffix_usual`` words ending a name, with the space before them."""
    return re.compile(rf"(?:[ ](?:{lexicon.in_order(lexicon.load().words('name_suffix_usual'))}))+$")


def word_before_hyphen(text: str, start: int) -> str:
    """The word joined by a hyphen to what starts at ``start`` ("MiMo" in "MiMo-V2.5"), else ""."""
    if text[start - 1:start] != "-":
        return ""
    a = start - 1
    while a > 0 and (text[a - 1].isalnum() or text[a - 1] == "."):
        a -= 1
    return text[a:start - 1]


_ADJECTIVE_FIRST = re.compile(r"(?<![\w\\])([A-ZÄÖÜ][a-zäöüß]{3,}e)(?=[ ][A-ZÄÖÜ])")  # "Deutsche Bank", "Erste Group"
_WORDS_APART = re.compile(r"(?<=[a-zäöüß?])[ ](?=[A-ZÄÖÜ][a-zäöüß])")  # a space between two words of a name


def inflected(pattern: str) -> str:
    """A name that opens with a German adjective is declined in the text: "der Deutschen Bank", "bei der Österreichischen
    Post", "des Schweizerischen Nationalfonds". Each such word of a named pattern also matches with -n or -r. A German
    compound joins a name's words with hyphens ("die Deutsche-Bank-Aktie", "Texas-Instruments-Chef"): a space between
    two of its capitalised words also matches a hyphen."""
    return _WORDS_APART.sub("[ -]", _ADJECTIVE_FIRST.sub(r"\1(?:n|r)?", pattern))
