"""Companies the lexicon lacks, named by what only a company is or does: it has shares, it reports results,
a noun of its trade stands before its name.

A results story from a new outlet is mostly about a company no lexicon holds ("Shares in Darktrace fell 18%",
"Der Kamerahersteller Zentrix steigerte den Umsatz", "Die Zentrix-Aktie stieg", "Zentrix posted revenue of
£60m"). Without its name every figure of the article goes to a place or a company named in passing. Four
signals, each a pattern built from ``grammar_words.csv`` (roles ``company_head``, ``share_word_after``,
``share_word_before`` and ``results_verb``):

- ``head``: a noun of a trade right before the name: "Kamerahersteller Zentrix", "des Chipkonzerns Zentrix"
  (the noun as a compound's last part), "cybersecurity group Zentrix", "chipmaker Zentrix";
- ``shares``: the name's shares: "Zentrix shares", "Zentrix's stock", "shares in Zentrix", "Die Zentrix-Aktie",
  "Aktien von Zentrix"; a person's title after it ("Zentrix-Chef Hans Müller", "Zentrix CEO Jane Doe") counts the same;
- ``results``: the name opens a sentence or a line and reports results: "Zentrix posted", "Zentrix steigerte",
  "Zentrix reported revenue", "Zentrix meldete einen Umsatz", "Zentrix hat im Quartal den Umsatz gesteigert".

The candidates are raw: :mod:`.new_names` cleans them and keeps those its dictionary checks allow.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from ... import lexicon

# One to four capitalised words, one space (or " + ", " & ": "Huber + Suhner") apart, with no word or hyphen before
# them. Unlike new_names' words, a word holds no apostrophe: "Raspberry Pi's IPO" is the name, "'s", then "IPO". Each
# word is read at once (possessive) and the lookbehind follows the first letter, so the engine skips in C to capitals.
_REST = r"[\w&.-]*+(?<=[\w&])"
_MORE = rf"(?:[ ](?:[+&][ ])?[A-ZÄÖÜ]{_REST}){{0,3}}"
_NAME = rf"[A-ZÄÖÜ](?<![\w&-].){_REST}{_MORE}"
_OPENS = rf"[A-ZÄÖÜ](?:(?<![^\n].)|(?<=[.!?:•][ ].)){_REST}{_MORE}"  # the same, opening a line or a sentence


class Signal(NamedTuple):
    start: int
    end: int
    name: str
    kind: str  # head, shares or results: how the name's dictionary check is done (new_names)


@lru_cache(maxsize=1)
def _patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(kind, pattern) of each signal; every pattern has a group ``name``. The words of both languages are read in
    either, as German articles quote English ones."""
    lex = lexicon.load()

    def words(role: str) -> str:
        return lexicon.in_order(lex.words(role))

    heads, after, before, verbs, titles, owned = (words(r) for r in ("company_head", "share_word_after", "share_word_before",
                                                                     "results_verb", "title_after_name", "title_after_possessive"))
    return (("head", re.compile(rf"(?:{heads})\ (?P<name>{_NAME})(?![\w-])")),  # a trade's noun, also a compound's last part
            ("shares", re.compile(rf"(?P<name>{_NAME})(?:['’]s\ |\ |-)(?:{after})(?![\w-])")),  # "Zentrix shares", "Zentrix-Aktie"
            ("shares", re.compile(rf"(?P<name>[A-ZÄÖÜ](?<![\w&-].)[\w&]+)-(?:{after})(?![\w-])")),  # "Die Zentrix-Aktie"
            ("shares", re.compile(rf"(?<![\w-])(?:{before})\ (?P<name>{_NAME})(?![\w-])")),  # "shares in Zentrix"
            ("results", re.compile(rf"(?P<name>{_OPENS})\ (?:{verbs})(?![\w-])")),  # "Zentrix posted", "Zentrix steigerte"
            ("shares", re.compile(rf"(?P<name>[A-ZÄÖÜ](?<![\w&-].)[\w&]+)(?:{titles})\ [A-ZÄÖÜ]")),  # "Zentrix-Chef Hans Müller"
            ("shares", re.compile(rf"(?P<name>{_NAME})(?:{titles})\ [A-ZÄÖÜ]")),  # "Zentrix CEO Jane Doe"
            ("shares", re.compile(rf"(?P<name>{_NAME})['’]s\ (?:{owned})(?![\w-])")))  # "Sakura Internet's chief said"


def signalled_names(text: str) -> list[Signal]:
    """Every place a signal names a capitalised name, in the order of the signals. A sentence's opening words that
    hold a trade's noun give the name after it ("Der Kamerahersteller Zentrix steigerte": Zentrix)."""
    head = _patterns()[0][1]
    out = []
    for kind, pattern in _patterns():
        for m in pattern.finditer(text):
            a, b = m.span("name")
            inner = head.search(text, a, b) if kind == "results" else None
            out.append(Signal(inner.start("name"), b, text[inner.start("name"):b], "head") if inner else
                       Signal(a, b, m.group("name"), kind))
    return out


@lru_cache(maxsize=1)
def _source_suffix() -> re.Pattern[str]:
    return re.compile(rf"\ (?:{lexicon.in_order(lexicon.load().words('name_suffix_source'))})$")


def name_role(name: str) -> str:
    """The role of a company the lexicon lacks: a source where its last word says research ("Mordor Intelligence"),
    whose figures are about others; else a company."""
    return "source" if _source_suffix().search(name) else "company"
