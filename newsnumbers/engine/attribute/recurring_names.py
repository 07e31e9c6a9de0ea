"""A company the lexicon lacks, found by being named again and again: "Kapsch TrafficCom hat das Geschäftsjahr …
abgeschlossen … so Kapsch", "Implenia: Neue Aufträge … Implenia hat …".

A results report names its company in every other sentence, often with no word that says it is one (no trade noun,
no legal form, no verb of results at a sentence's opening: :mod:`.name_signals`). What marks it is that the same
word, no dictionary word, comes back. Persons, places and products come back too; these tests keep them out:
- a first name is always followed by a surname ("Elon Musk", "Masayoshi Son");
- a surname follows a first name or comes before a verb of saying in a third of its mentions ("Euan Blair …
  Blair said");
- a person's title stands before the first mention ("Finanzchefin Yuki Nakamura");
- a place stands after "in", "aus", "from" … at least half the time ("in Lübbenau");
- a product stands right after its maker at least once ("Tesla Cybertruck", "Apple's AirPods").
The name's full form is its first mention with the capitalised words that follow it there and are no dictionary
words, or words only companies end with ("Kapsch TrafficCom", "Kingsoft Cloud Holdings"); the short form found
again is the same company (:func:`.new_names.new_names` maps a core to its full name).
"""
from __future__ import annotations

import re
from functools import lru_cache

from ... import lexicon
from .forms import found_again
from .name_signals import trade_noun as _trade_noun
from .name_words import MIN_COMPOUND_PART, _known, _no_german_word, compound_of_known

MIN_MENTIONS = 3  # how often a word must be named to be taken for a company without any other signal
MIN_LETTERS = 3
MORE_WORDS = 2  # words after the first mention's first word that may belong to the name ("Kapsch TrafficCom")
_WORD = re.compile(r"(?<![\w&+.'’-])[A-ZÄÖÜ][\w&]*[a-zäöüß][\w&]*(?![\w&+-]|['’]s\b|\.\w)")  # a capitalised word, not a possessive
_NEXT = re.compile(r"[ ]([A-ZÄÖÜ][\w&]*)(?=[\s,.:;!?()]|['’]s\b|$)")  # a capitalised word right after, one space apart
PREPOSITION_CHARS = 12  # how far before a name a preposition of place may start ("aus Lübbenau")
TITLE_CHARS = 60  # how far before a first mention a person's title may start, with the first name between
KNOWN_CHARS = 40  # how far before a name a known company may start ("Samsung Electronics' Exynos")
SAYS_CHARS = 12  # how far before a name a verb of saying may start ("erklärte Höttges")
PERSON_SHARE = 3  # one mention in this many a person's makes the name a person's
FIRST_NAME_CHARS = 10  # a first name is short; a longer capitalised word before a name is a noun ("Telekomausrüster")
_PERSON_BEFORE = re.compile(rf"(?<![\w-])([A-ZÄÖÜ][a-zäöüß]{{1,{FIRST_NAME_CHARS - 1}}})[ ]$")  # a first name right before


@lru_cache(maxsize=1)
def _place_before() -> re.Pattern[str]:
    """A preposition of place right before a word (``grammar_words.csv`` role ``place_preposition``)."""
    return re.compile(rf"(?<![\w-])(?:{lexicon.in_order(lexicon.load().words('place_preposition'))})[ ]$")


@lru_cache(maxsize=1)
def _not_name() -> re.Pattern[str]:
    """Words that are no name however often they come back: the ``not_a_name`` words and abbreviations ("Mio")."""
    lex = lexicon.load()
    return re.compile(lexicon.in_order([*lex.words("not_a_name"), *(re.escape(r["abbreviation"]) for r in lex.abbreviations)]))


_ABBREVIATION = re.compile(r"[A-Z]{2,}s|[A-Z]{4,}\w*")  # "GPUs", "CPUs"; a metric's abbreviation ("EBITDAaL")


@lru_cache(maxsize=1)
def _lexicon_words() -> frozenset[str]:
    """The first words of the lexicon's models and organisations, lower-cased: a word named again that is one of
    them in another spelling ("LLaMA" for Llama) is that model or company, no new one."""
    lex = lexicon.load()
    return frozenset(r["canonical"].split()[0].lower() for r in (*lex.models, *lex.organisations) if r["canonical"].strip())


def _plain(word: str, lang: str) -> bool:
    """Whether a word is prose, however often it comes back: a dictionary word, a compound of one ("Hyperscaler",
    "Risikokapital"), an abbreviation ("GPUs", "EBITDAaL"), a word with a digit or an underscore ("H100s"), a model's
    or company's name the lexicon spells otherwise ("LLaMA")."""
    return (len(word) < MIN_LETTERS or _known(word, lang) or any(c.isdigit() or c == "_" for c in word)
            or _ABBREVIATION.fullmatch(word) is not None or word.lower() in _lexicon_words()
            or _not_name().fullmatch(word) is not None or lang == "de" and german_compound(word))


def german_compound(word: str) -> bool:
    """A German compound of two dictionary words ("Risiko|kapital"), not a name with a word inside ("Kings|oft")."""
    return compound_of_known(word) and any(_german(word[:k]) and _german(word[k:].capitalize())
                                           for k in range(MIN_COMPOUND_PART, len(word) - MIN_COMPOUND_PART + 1))


def _german(word: str) -> bool:
    """Whether a word is in the German dictionary, as written or in lower case."""
    return not _no_german_word(word)


def recurring_names(text: str, lang: str, suffix: re.Pattern[str], known: re.Pattern[str]) -> list[tuple[int, int, str]]:
    """(start, end, full name) at the first mention of every word named at least ``MIN_MENTIONS`` times that passes
    the tests above; ``suffix`` matches a word only companies end with (``name_suffix_*``), ``known`` a company the
    lexicon knows (a word right after one is its product: "Tesla Cybertruck", "Apple's AirPods")."""
    seen: dict[str, list[int]] = {}
    for m in _WORD.finditer(text):
        seen.setdefault(m.group(), []).append(m.start())
    out = []
    for word, starts in seen.items():
        if len(starts) < MIN_MENTIONS or _plain(word, lang):
            continue
        ends = [s + len(word) for s in starts]
        if all(_NEXT.match(text, e) for e in ends) or _a_person(text, starts, ends) or _titled(text, starts[0]) \
                or any(_after_known(text, s, known) for s in starts) \
                or a_place(text, starts):
            continue
        out.append((starts[0], *_full_name(text, starts[0], ends[0], suffix)))
    return out


def a_person(text: str, name: str, says: bool = True) -> bool:
    """Whether a name a signal found is a person's by the tests above, read over its every mention: a title before
    the first ("Finanzchefin Yuki Nakamura … Nakamura rechnet"), or a first name or (with ``says``) a verb of saying
    at a third of them. A headline's name is asked without verbs of saying: a company "said" as often as a person."""
    starts = [a for a, _, _ in found_again(text, [name])]  # str.find, no regex compiled per name
    return bool(starts) and (_titled(text, starts[0]) or _a_person(text, starts, [s + len(name) for s in starts], says))


def a_place(text: str, starts: list[int]) -> bool:
    """Whether a preposition of place stands before at least half of a name's mentions at ``starts`` ("in Lübbenau")."""
    return 2 * sum(bool(_place_before().search(text, max(0, s - PREPOSITION_CHARS), s)) for s in starts) >= len(starts)


def _titled(text: str, first: int) -> bool:
    """Whether a person's title, perhaps with a first name, stands before a name's first mention ("Finanzchefin Yuki
    Nakamura", "Chief executive Sarah Okonkwo", "Ministerpräsident Markus Söder"): the name is a person's."""
    return _title_before().search(text, max(0, first - TITLE_CHARS), first) is not None


@lru_cache(maxsize=1)
def _title_before() -> re.Pattern[str]:
    words = lexicon.in_order(lexicon.load().words("person_title"))
    return re.compile(rf"(?i:\w*(?:{words}))[ ](?:[A-ZÄÖÜ][\w-]+[ ])?$")


def _after_known(text: str, start: int, known: re.Pattern[str]) -> bool:
    """Whether a company the lexicon knows stands right before ``start``, with a space, a hyphen or a possessive
    between ("Tesla Cybertruck", "Intel-Xeon", "Apple's AirPods"): the word is that company's product."""
    before = text[max(0, start - KNOWN_CHARS):start]
    gap = re.search(r"(?:['’]s[ ]|[ -])$", before)
    return gap is not None and any(m.end() == gap.start() for m in known.finditer(before))


def _a_person(text: str, starts: list[int], ends: list[int], says: bool = True) -> bool:
    """Whether a third of the mentions or more are a person's: after a first name ("Euan Blair", "Hannes Wehinger":
    a short capitalised word that is no trade's noun, "Baukonzern Implenia", and no article or preposition, "Laut
    Kapsch") or next to a verb of saying ("Yan said", "sagte Höttges"). A company named after its founder ("CEO Georg Kapsch") is
    a person once, its short name many more times."""
    personal = 0
    for s, e in zip(starts, ends):
        m = _PERSON_BEFORE.search(text, max(0, s - FIRST_NAME_CHARS - 1), s)
        personal += bool(m and _not_name().fullmatch(m.group(1)) is None and not _trade_noun().match(text, m.start(1))
                         or says and (_says().match(text, e) or _says_before().search(text, max(0, s - SAYS_CHARS), s)))
    return personal * PERSON_SHARE >= len(starts)


@lru_cache(maxsize=1)
def _says_before() -> re.Pattern[str]:
    """A verb of saying right before a name ("sagte Höttges")."""
    return re.compile(rf"(?<![\w-])(?:{lexicon.in_order(lexicon.load().words('speech_verb'))})[ ]$")


@lru_cache(maxsize=1)
def _says() -> re.Pattern[str]:
    """A verb of saying right after a name (``grammar_words.csv`` role ``speech_verb``): "Yan said", "sagte Höttges"."""
    return re.compile(rf"[ ](?:{lexicon.in_order(lexicon.load().words('speech_verb'))})(?![\w-])")


def _full_name(text: str, start: int, end: int, suffix: re.Pattern[str]) -> tuple[int, str]:
    """The first mention with the capitalised words after it that are no dictionary words and no acronyms ("Alphawave
    IP Group" is Alphawave), or that end companies' names."""
    for _ in range(MORE_WORDS):
        nxt = _NEXT.match(text, end)
        if nxt is None or not (not _known(nxt.group(1)) and not nxt.group(1).isupper() or suffix.fullmatch(nxt.group(1))):
            break
        end = nxt.end()
    return end, text[start:end]
