"""Companies the lexicon does not know: "Orca AI, an autonomous shipping tech startup", "MiniMax Group Inc",
"das Wiener Start-up Refurbed".

A lexicon of 1,000 organisations still misses the start-up of the next funding story. Three signals say a
capitalised name is a company without knowing it: a last word that only companies carry ("AI", "Labs"), a
legal form ("Inc", "AG"), or an apposition with a company noun ("X, an AI startup", "das Start-up X").
Once found, the name's later mentions count too, and so does its core without "AI" where that core is no
dictionary word ("Unconventional AI ... Unconventional" stays unmatched; "Emmi AI ... Emmi" is matched).
The words are data (``grammar_words.csv``, roles ``name_suffix_*``, ``company_noun``, ``not_a_name``).
"""
from __future__ import annotations

import bisect
import itertools
import re
from functools import lru_cache
from typing import NamedTuple

import simplemma

from ... import lexicon

_WORD = r"[A-ZÄÖÜ][\w&’'.-]*[\w&]|[A-Z]"  # a capitalised word ("MiniMax", "AT&S", "X")


class _Patterns(NamedTuple):
    suffixed: re.Pattern[str]   # "Orca AI", "MiniMax Group Inc"
    after: re.Pattern[str]      # "Orca AI, an autonomous shipping tech startup"
    before: re.Pattern[str]     # "das Wiener Start-up Refurbed"
    subject: re.Pattern[str]    # "Thought Machine raised £45 million", "Axmed, which is backed by …, has raised"
    stop: re.Pattern[str]       # a word that begins no name, at the start
    legal_end: re.Pattern[str]  # legal forms at the end
    suffix: re.Pattern[str]     # one suffix word, whole


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    lex = lexicon.load()
    kept, legal = lexicon.in_order(lex.words("name_suffix_kept")), lexicon.in_order(lex.words("name_suffix_legal"))
    nouns = lexicon.in_order(lex.words("company_noun"))
    seq = rf"(?:{_WORD})(?:[ ](?:{_WORD})){{0,3}}"  # words on one line, one space apart
    suffixed = re.compile(rf"""
        (?<![\w-])(?P<name>{seq})      # one to four capitalised words
        \ (?:{kept}|{legal})           # a last word only companies carry, or a legal form
        (?:\ (?:{legal}))*             # more legal forms ("Group Inc")
        (?![\w-]|\ [A-ZÄÖÜ])          # and the name ends there ("Stanford AI Index", "MIT Technology Review": no)
        """, re.VERBOSE)
    after = re.compile(rf"""
        (?<![\w-])(?P<name>{seq}),\    # a name and a comma
        (?:an?|ein(?:e|er|es|em|en)?)\s(?:[\w-]+\s){{0,4}}?   # an indefinite article and a few adjectives
        (?:{nouns})(?![\w-])           # a company noun""", re.VERBOSE | re.IGNORECASE)
    before = re.compile(rf"(?<![\w-])(?:{lexicon.in_order(lex.words('company_noun_before'))}) (?P<name>{seq})(?![\w-])")
    subject = re.compile(rf"""
        (?:^|(?<=[.!?:•]\ )|(?<=\n))(?P<name>{seq})  # a name that opens a sentence or a list item
        (?:,[^,.\n]{{1,90}},)?\s                    # an apposition or relative clause between commas
        (?:(?:{lexicon.in_order(lex.words('funding_verb_aux'))})\s)*  # has, now, konnte sich
        (?:{lexicon.in_order(lex.words('funding_verb'))})(?![\w-])   # raised, secured, sammelt, erhält""",
                         re.VERBOSE | re.MULTILINE)
    stop = re.compile(rf"(?:{lexicon.in_order(lex.words('not_a_name'))}) ")
    return _Patterns(suffixed, after, before, subject, stop, re.compile(rf"(?:\s(?:{legal}))+$"),
                     re.compile(rf"(?:{kept}|{legal})"))


def _is_suffix(word: str) -> bool:
    return _patterns().suffix.fullmatch(word) is not None


def _known(word: str) -> bool:
    """Whether a word is an ordinary German or English word, not a name ("Partners", "Umsatz"); a word with a
    capital inside ("MiniMax", "BigPoint") is a name."""
    if any(c.isupper() for c in word[1:]):
        return False
    return simplemma.is_known(word, "de") or simplemma.is_known(word, "en") or \
        simplemma.is_known(word.lower(), "de") or simplemma.is_known(word.lower(), "en")


def _plausible(words: list[str], lang: str, opens_sentence: bool) -> bool:
    """Whether capitalised words can be a company's name: one is no dictionary word ("Tubulis"), or they are
    capitalised where prose would not be. In English only a name is capitalised inside a sentence ("fintech
    startup Abound") or after a sentence's first word ("Thought Machine"); in German every noun is, so
    "Neue Investoren" is prose unless a later word is no German noun."""
    if not all(_known(w) for w in words):
        return True
    if lang == "en":
        return len(words) > 1 or not opens_sentence
    return len(words) > 1 and not any(simplemma.is_known(w, "de") for w in words[1:])


def _opens_sentence(text: str, start: int) -> bool:
    before = text[max(0, start - 4):start].rstrip(" \t\"'„“”‘’«»")
    return not before or before[-1] in ".!?:•\n"


def _clean(name: str) -> str:
    """The name without leading words that begin no name ("The Orca AI") and without a legal form where
    what remains is still a name ("MiniMax Group Inc" -> "MiniMax"; "Partners Group" stays)."""
    p = _patterns()
    while (m := p.stop.match(name + " ")) and m.end() <= len(name):
        name = name[m.end():]
    if (m := p.before.search(name)) and m.start("name") > 0:  # "Das Wiener Start-up Hololight": the name after the noun
        name = m["name"]
    core = p.legal_end.sub("", name)
    if core != name and core and not (" " not in core and _known(core)):
        return core
    return name


def _candidates(text: str, lang: str) -> list[tuple[int, int, str]]:
    """Names with a company's last word or legal form, and names in an apposition with a company noun."""
    p = _patterns()
    out: list[tuple[int, int, str]] = []
    for m in p.suffixed.finditer(text):
        full = text[m.start("name"):m.end()]
        name = _clean(full)
        if any(not _is_suffix(w) for w in name.split()):  # not "AI" alone (from "Generative AI")
            out.append((m.start("name") + full.index(name), m.end(), name))
    for m in (*p.after.finditer(text), *p.before.finditer(text), *p.subject.finditer(text)):
        name = _clean(m.group("name"))
        a = m.start("name") + m.group("name").index(name) if name else 0
        if name and (_known_core(name, lang) or _plausible(name.split(), lang, _opens_sentence(text, a))):  # "das Unternehmen Gewinne": no name
            out.append((a, a + len(name), name))
    return out


@lru_cache(maxsize=1)
def _known_cores() -> dict[str, str]:
    """A known company's name without the last word only companies carry: "Moonshot" -> "Moonshot AI".
    Not an alias of its own ("Stability" is a word), but where the signals above find such a core as a
    company ("the Chinese start-up Moonshot"), it is that company."""
    out: dict[str, str] = {}
    for row in lexicon.load().organisations:
        core, _, last = row["canonical"].rpartition(" ")
        if core and row["kind"] == "named" and row.fields.get("type", "company") == "company" and _is_suffix(last):
            out.setdefault(core, row["canonical"])
    return out


def _known_core(name: str, lang: str) -> bool:
    """A known company's core found by a signal above is that company, even where it is a word: "das Start-up
    Moonshot", "Moonshot raised $1 billion", "Scale raised". Not a German word in German text, where every noun
    is capitalised ("Otto", "Erste")."""
    return name in _known_cores() and (lang != "de" or not (simplemma.is_known(name, "de") or simplemma.is_known(name.lower(), "de")))


def new_names(text: str, lang: str = "de") -> list[tuple[int, int, str]]:
    """(start, end, canonical name) of every mention of a company the lexicon does not know, in order;
    the caller drops those that overlap a known name. A found name that is a known company's core takes
    the known name ("Moonshot" -> "Moonshot AI")."""
    found = _candidates(text, lang)
    if not found:
        return []
    names = {name for _, _, name in found}
    cores = {name: name.rsplit(" ", 1)[0] for name in names if " " in name}
    forms = {name: name for name in names}
    forms.update({core: name for name, core in cores.items() if " " not in core and not _known(core)})
    again = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True)) + r")(?![\w-])")
    spans = {(a, b): name for a, b, name in found}
    for m in again.finditer(text):
        spans.setdefault((m.start(), m.end()), forms[m.group()])
    out: list[tuple[int, int, str]] = []
    known = _known_cores()
    for a, b in sorted(spans, key=lambda s: (s[0], -s[1])):  # the longest at one place; no overlaps
        if not out or a >= out[-1][1]:
            out.append((a, b, known.get(spans[a, b], spans[a, b])))
    return out


def unknown_names(text: str, known: list[tuple[int, int, str]], lang: str = "de") -> dict[tuple[int, int], str]:
    """Companies the lexicon does not know (``new_names``), where they overlap no known name
    ("Databricks AI chief" is Databricks)."""
    spans = sorted((a, b) for a, b, _ in known)
    starts, reach = [a for a, _ in spans], list(itertools.accumulate((b for _, b in spans), max))
    out: dict[tuple[int, int], str] = {}
    for a, b, name in new_names(text, lang):
        k = bisect.bisect_left(starts, b) - 1  # the last known name that starts before this one ends
        if k < 0 or reach[k] <= a:
            out[a, b] = name
    return out
