"""Find a measure's cue words by lemma and compound part, not by listed word forms.

Why: news German inflects and compounds freely. "flossen" is *fließen*,
"büßten … ein" is *einbüßen*, "Gesamtinvestitionen" and "Kapitalausgaben" end
in *Investition* and *Ausgabe*, "Umsatzplus" starts with *Umsatz*. Listing
word forms never catches up; a lemmatiser (simplemma) and a compound rule do.

A cue term in ``measures.csv`` is a lower-case word or stem:

- ``invest`` matches a word whose form or lemma starts with it (investierte,
  Investitionen, investment), or contains it after a compound modifier that
  is itself a word of at least four letters (Rekordverlust, Börsenwertes,
  Kapitalausgaben; not Diskurs);
- ``=up`` matches only the whole word or lemma (not "update");
- ``-geschäft`` matches a word or lemma that ends with it, perhaps with an
  inflection ending: the last part of a compound (Gaming-Geschäft,
  Werbegeschäfts), not its first (Geschäftsjahr);
- ``+ergebnis`` matches only the last part of a compound, after a modifier
  or a hyphen (Betriebsergebnis, Segment-Ergebnis), never the word alone
  ("ähnliche Ergebnisse" are no financial result);
- ``market value`` matches consecutive words, each as a prefix;
- a German separable verb whose particle closes the clause ("legte … zu",
  "büßten … ein", "gab … nach") is also read as its infinitive (zulegen,
  einbüßen, nachgeben).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress, repeat
from operator import is_

import ahocorasick
import simplemma

from ... import lexicon

Spans = list[tuple[int, int]]
Cues = dict[str, Spans]  # cue group (as written in measures.csv) -> where it matched in a sentence

_WORD = re.compile(r"[^\W\d_]+")
_HYPHEN = re.compile(r"(?<=[^\W_])-(?=[^\W\d_])")  # joins two parts of one compound ("Segment-Ergebnis", "KI-Kosten")
_CLAUSE_BREAK = re.compile(r"[;:]|(?<!\d),|,(?!\s?\d)")  # not the comma of "5,6" nor of a list "80, 75 und 100"
_MIN_MODIFIER = 4  # "Rekord"verlust; shorter heads ("Dis"kurs, "Kon"kurs) are not compound modifiers
_LINKS = ("", "s", "n", "en", "es", "e")  # Fugenelemente: Börse-n-wert, Umsatz-es
_ENDINGS = ("", "s", "es", "e", "en", "n", "er", "ern")  # inflection after a compound's head: Geschäfts, Geschäfte


@dataclass(frozen=True)
class Term:
    words: tuple[str, ...]  # one or more lower-case words or stems
    exact: bool             # "=up": the whole word only
    group: str              # the cue group it belongs to
    head: bool = False      # "-geschäft": the word's last part only (a compound's head)
    compound: bool = False  # "+ergebnis": the last part of a compound only, never the word alone


@dataclass(frozen=True)
class CueIndex:
    """Every cue term of the measure rules, indexed by its first word for one Aho–Corasick pass per word."""

    automaton: object  # first word -> terms starting with it
    particles: frozenset[str]
    later: tuple[str, ...] = ()  # every word of a multi-word term after its first ("höhe" of "in die höhe")


def parse_group(group: str) -> list[Term]:
    """The terms of one cue group ("verlust|=lost|market value")."""
    terms = []
    for raw in group.split("|"):
        raw = raw.strip()
        exact, compound = raw.startswith("="), raw.startswith("+")
        head = compound or raw.startswith("-")
        words = tuple(raw.lstrip("=-+").lower().split())
        if not words or not all(_WORD.fullmatch(w) for w in words) or (head and len(words) > 1):
            raise ValueError(f"cue term {raw!r}: use letters only (no regex); '=word' for a whole word, "
                             "'-word' for one word's last part, '+word' for a compound's last part only")
        terms.append(Term(words, exact, group, head, compound))
    return terms


@lru_cache(maxsize=1)
def cue_index() -> CueIndex:
    """The automaton over every term's first word, built once per process."""
    by_word: dict[str, list[Term]] = {}
    for row in lexicon.load().measures:
        for group in row["cues"].split(" && "):
            for term in parse_group(group):
                by_word.setdefault(term.words[0], []).append(term)
    automaton = ahocorasick.Automaton()
    for word, terms in by_word.items():
        automaton.add_word(word, (len(word), tuple(dict.fromkeys(terms))))
    automaton.make_automaton()
    particles = frozenset(lexicon.load().words("verb_particle"))
    later = tuple(sorted({w for terms in by_word.values() for term in terms for w in term.words[1:]}))
    return CueIndex(automaton, particles, later)


@lru_cache(maxsize=65536)
def lemma(word: str, lang: str) -> str:
    """The lower-case lemma of a lower-case word (simplemma; the word itself when unknown)."""
    return simplemma.lemmatize(word, lang=lang).lower()


@lru_cache(maxsize=65536)
def is_modifier(head: str, lang: str) -> bool:
    """Whether ``head`` can be the first part of a compound: a known word, perhaps with a linking -s/-n/-en."""
    if len(head) < _MIN_MODIFIER:
        return False
    return any(head.endswith(link) and len(head) - len(link) >= 3 and simplemma.is_known(head[:len(head) - len(link)], lang)
               for link in _LINKS)


def _term_at(form: str, start: int, term: Term, lang: str, joined: bool = False) -> bool:
    """Whether the term's first word found at ``start`` of ``form`` counts (word start, or after a compound modifier;
    for a compound-only term not at the start, unless the word is ``joined`` to the one before by a hyphen).
    Reads of the term only its kind and its first word: :func:`_word_terms` asks once per place and kind."""
    if term.exact:
        return start == 0 and len(term.words[0]) == len(form)
    if term.head and form[start + len(term.words[0]):] not in _ENDINGS:
        return False
    if start == 0:
        return joined or not term.compound
    return is_modifier(form[:start], lang)


_JOINS_NEXT = re.compile(r"\s+(?:und|oder|sowie|aber)\b")


def _separable(text: str, low: list[str], words: list[tuple[int, int]], particles: frozenset[str]) -> dict[int, str]:
    """Word index -> particle for lower-case words of a clause whose particle closes it ("legte um 3 % zu.").

    ``low``: the words lower-cased; only the particles among them are looked at (found in C by ``compress``).
    """
    out: dict[int, str] = {}
    for k in compress(range(len(low)), map(particles.__contains__, low)):
        e = words[k][1]
        rest = text[e:e + 2].lstrip()
        if rest and rest[0] not in ".,;:!?)\"»«“”–—" and not _JOINS_NEXT.match(text, e):
            continue  # the particle closes the clause, or a conjunction follows it ("legte um 7 % zu und erreichte")
        for j in range(k - 1, -1, -1):
            ps, pe = words[j]
            if _CLAUSE_BREAK.search(text, pe, words[j + 1][0]):
                break
            if text[ps].islower():
                out.setdefault(j, low[k])
    return out


def scan(text: str, lower: str, a: int, b: int, lang: str) -> Cues:
    """Every cue group's matches in ``text[a:b]`` (``lower``: the same text lower-cased, same offsets)."""
    index = cue_index()
    words = [m.span() for m in _WORD.finditer(lower, a, b)]
    low = [lower[s:e] for s, e in words]
    particle = _separable(text, low, words, index.particles) if lang == "de" else {}
    hits: Cues = {}
    known = _KNOWN.setdefault(lang, {})
    found = list(map(known.get, low))  # the words' terms, looked up in C; None: a word not met before
    for k in compress(range(len(low)), map(is_, found, repeat(None))):
        found[k] = _word_terms(low[k], lang, "")
        if len(known) < _KNOWN_MAX:
            known[low[k]] = found[k]
    for k, with_particle in particle.items():
        found[k] = _word_terms(low[k], lang, with_particle)
    if lower.find("-", a, b) >= 0:  # a compound's part after a hyphen ("Segment-Ergebnis"): rare, so looked for only then
        at = {s: k for k, (s, _) in enumerate(words)}
        for m in _HYPHEN.finditer(lower, a, b):
            k = at.get(m.end())
            if k is not None and k not in particle:
                found[k] = _word_terms(low[k], lang, "", True)
    for k in compress(range(len(low)), found):  # only the words that start a term
        after = None  # the later term words the next word stands for: most multi-word terms fail there
        for group, rest in found[k]:
            if not rest:
                hits.setdefault(group, []).append(words[k])
                continue
            if after is None:
                after = _follows(low[k + 1], lang) if k + 1 < len(low) else frozenset()
            if rest[0] not in after:
                continue
            end = _rest_end(rest, k, low, words, text, lang)
            if end is not None:
                hits.setdefault(group, []).append((words[k][0], end))
    return hits


_KNOWN: dict[str, dict[str, tuple[tuple[str, tuple[str, ...]], ...]]] = {}  # language -> word -> its terms (see _word_terms), read without a particle
_KNOWN_MAX = 65536  # words kept per language (as many as the lemma cache holds)


@lru_cache(maxsize=65536)
def _word_terms(word: str, lang: str, particle: str, joined: bool = False) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(group, its later words) of each term whose first word matches this word (its form, its lemma, or
    read with its particle; ``joined``: the word follows a hyphen, "Segment-Ergebnis");
    cached, as words repeat across sentences and articles. Only what :func:`scan`
    reads of a term is kept, so its loop over a sentence's words does no attribute lookups."""
    lem = lemma(word, lang)
    # in this order, not a set's: the order of the terms found decides between cues at one distance ("valued" or
    # "valued at"), and a set's order changed with the process's string hashing
    forms = dict.fromkeys((word, lem, particle + lem, particle + word) if particle else (word, lem))
    found: dict[int, Term] = {}  # by identity: each term is one object in the index (a dataclass hashes in Python)
    for form in forms:
        for stop, (size, terms) in cue_index().automaton.iter(form):
            start = stop - size + 1
            verdict: dict[tuple[bool, bool, bool], bool] = {}  # _term_at here, by the term's kind: the terms share their first word
            for term in terms:
                if id(term) not in found:
                    kind = (term.exact, term.head, term.compound)
                    ok = verdict.get(kind)
                    if ok is None:
                        ok = verdict[kind] = _term_at(form, start, term, lang, joined)
                    if ok:
                        found[id(term)] = term
    return tuple((term.group, term.words[1:]) for term in found.values())


def _rest_end(rest: tuple[str, ...], k: int, low: list[str], words: list[tuple[int, int]], text: str,
              lang: str) -> int | None:
    """End offset of a multi-word term whose first word is word ``k`` and whose later words are ``rest``
    (each a prefix of the next word, or of its lemma, with only spaces or hyphens between), else None.
    The prefix is tested before the gap (most terms fail there; the order changes no answer), by looking
    the next word up in :func:`_follows`."""
    end = words[k][1]
    for j, want in enumerate(rest, start=k + 1):
        if j >= len(words) or want not in _follows(low[j], lang) or text[end:words[j][0]].strip(" -"):
            return None
        end = words[j][1]
    return end


_FOLLOWS: dict[str, dict[str, frozenset[str]]] = {}  # language -> word -> the later term words it stands for


def _follows(word: str, lang: str) -> frozenset[str]:
    """The later words of multi-word terms (:attr:`CueIndex.later`) that ``word`` or its lemma starts with; worked
    out once per word and kept (as many words as :data:`_KNOWN` keeps), as the same words follow term starts."""
    table = _FOLLOWS.setdefault(lang, {})
    found = table.get(word)
    if found is None:  # the later words among the prefixes of the word and its lemma: a few lookups per new word,
        later = _later_words()  # not a test of every later word
        found = frozenset(form[:n] for form in (word, lemma(word, lang)) for n in range(1, len(form) + 1)
                          if form[:n] in later)
        if len(table) < _KNOWN_MAX:
            table[word] = found
    return found


@lru_cache(maxsize=1)
def _later_words() -> frozenset[str]:
    """:attr:`CueIndex.later` as a set, for :func:`_follows`."""
    return frozenset(cue_index().later)
