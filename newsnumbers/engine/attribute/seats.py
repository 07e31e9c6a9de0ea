"""A company referred to by its seat: "Das Pariser Unternehmen", "Die Freiburger Firma", "the Hangzhou-based startup".

Such a reference stands for the company the article has placed there, not for the nearest company: "beim
französischen KI-Start-up Mistral AI. … ASML will sich als Hauptinvestor positionieren. Das Pariser Unternehmen soll
mit zehn Milliarden Euro bewertet werden" is Mistral. The article places a company by a place word right before its
name ("des Londoner KI-Unternehmens Stability AI", "Freiburger KI-Startup Black Forest Labs") or right after it
("Mistral AI aus Paris", "Helsing, the Munich-based startup"). Of the companies named before the reference, the nearest
the article places at the reference's seat wins; one it places elsewhere is passed over; else the usual salient one.
A seat is compared by its words ("Pariser", "Paris", "Paris-based": paris) and by the country a city's adjective or
name stands for (place_groups.csv, organisations.csv places: "Pariser" and "französisch" are France).
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Protocol

from ... import lexicon
from .mention import Mention

_WORD = re.compile(r"[A-Za-zÄÖÜäöüß][\w-]*")
_BEFORE = 48  # how far before a company's name its place word may stand ("des Londoner KI-Unternehmens Stability AI")
_AFTER = re.compile(r"\s*(?:,\s*(?:an?|the)\s+)?(?:aus|from|in|based in|mit Sitz in)?\s*([A-ZÄÖÜ][\w-]*)")


class Antecedents(Protocol):
    """What the seat rule reads of an article's :class:`.antecedents.Antecedents`."""

    text: str
    mentions: list[Mention]


@lru_cache(maxsize=1)
def _adjectives() -> list[tuple[re.Pattern[str], str]]:
    """Each place's adjectives (place_groups.csv, German and English) as a pattern over one word, with its name."""
    out = []
    for row in lexicon.load().place_groups:
        words = "|".join(p for p in (row["de"], row["en"]) if p)
        out.append((re.compile(rf"(?:{words})(?:[ ]|-|$)"), row["canonical"]))
    return out


@lru_cache(maxsize=4096)
def seat_keys(word: str) -> frozenset[str]:
    """What a place word says of a seat: its stem ("Pariser", "Paris-based": paris) and its country ("@france"), or
    nothing where the word is no place's ("Umsatz"). A capitalised word in -er keeps its stem, as it may be the
    adjective of a city the lexicon lacks ("Freiburger"); it matches only a reference that says the same."""
    from .mentions import _classify  # the lexicon's places ("München": Germany); mentions imports this module's caller
    bare = word.removesuffix("-based").removesuffix("-basierte").removesuffix("-basiertes")
    country = next((name for pattern, name in _adjectives() if pattern.match(word + " ")), None)
    found = _classify(bare)
    if found is not None and found[0] == "org" and found[4] == "place":
        country = country or found[1]
    if country is None and bare == word and not (word.endswith("er") and word[:1].isupper()):
        return frozenset()  # no place's word; a capitalised one in -er may be a city's the lexicon lacks ("Freiburger")
    stem = bare.lower()
    return frozenset({stem, stem.removesuffix("er")} | ({"@" + country.lower()} if country else set()))


def reference_keys(text: str, m: Mention) -> frozenset[str]:
    """The seat a reference names: its first word after the article ("Pariser", "Hangzhou-based", "chinesische",
    "die Linzer"). A German adjective in -er after a definite article is a city's ("Freiburger"), even one the
    lexicon lacks."""
    words = _WORD.findall(text, m.start, m.end)
    return seat_keys(words[1][:1].upper() + words[1][1:]) if len(words) > 1 else frozenset()


def placed(ante: Antecedents, name: str) -> frozenset[str]:
    """Every seat the article gives a company: the place words right before any of its mentions, and the one
    right after ("aus Paris"). Worked out once per article and company (kept on its Antecedents)."""
    memo = ante.__dict__.setdefault("_seats", {})
    if name not in memo:
        keys: set[str] = set()
        for m in ante.mentions:
            if m.kind == "org" and m.name == name:
                lo = max(0, m.start - _BEFORE)
                lo = max(lo, *(ante.text.rfind(c, lo, m.start) + 1 for c in ".!?\n"))  # not the sentence before
                for word in _WORD.findall(ante.text, lo, m.start)[-3:]:
                    keys |= seat_keys(word)
                after = _AFTER.match(ante.text, m.end)
                if after and after.group(1):
                    keys |= seat_keys(after.group(1))
        memo[name] = frozenset(keys)
    return memo[name]


def at_seat(ante: Antecedents, want: frozenset[str], orgs: list[Mention]) -> tuple[Mention | None, list[Mention]]:
    """Of the companies before a seat reference (nearest first): the nearest the article places at ``want``'s city
    ("die Münchner" for the company placed in Munich, not a nearer one placed in Berlin), else the nearest it places
    in its country; and those it places in no other country (the reference may stand for one of them: "Die
    Freiburger Firma" for a company placed only as German)."""
    free, in_country = [], None
    countries = {k for k in want if k[0] == "@"}
    for c in orgs:
        seats = placed(ante, c.name)
        if seats & (want - countries):
            return c, free
        in_country = in_country or (c if seats & countries else None)
        theirs = {k for k in seats if k[0] == "@"}
        if not (theirs and countries) or theirs & countries:
            free.append(c)
    return in_country, free
