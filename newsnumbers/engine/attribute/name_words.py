"""Whether capitalised words can be a company's name the lexicon lacks, and the fast opening of a word list.

Split from :mod:`.new_names` (at its size limit): the dictionary checks that keep prose out of the names found
there, and the pattern helpers its patterns are built with.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

import simplemma

from ... import lexicon
from .. import wordscan


def _behind(joins: str) -> str:
    """``(?<=a)|(?<=b)|…`` for the alternatives of ``joins`` (each of one width, as a lookbehind needs)."""
    return "|".join(f"(?<={j})" for j in joins.split("|"))


def _first_letter_first(words: list[str], before: str = r"[\w-]") -> str | None:
    r"""``(?<![\w-])(?:w1|w2|...)`` for the lexicon's word patterns, written so that every branch opens with its
    first character and the lookbehind follows it (as :func:`..wordscan.word_alternation` does for ``(?<!\w)``):
    the engine then skips in C to the characters a word can start with. Branches that share a first character
    keep their order, and branches with different ones never match at one place, so the matches are the same.
    None when a pattern does not open with a plain character (the caller keeps the plain form). ``before``: what
    may not stand before the word (a word character, and by default a hyphen)."""
    branches: dict[str, list[str]] = {}
    for word in words:
        for alternative in wordscan.split_alternatives(word):
            pairs = wordscan.first_literals(alternative)
            if pairs is None:
                return None
            for first, rest in pairs:
                branches.setdefault(first, []).append(rest)
    return "(?:" + "|".join(rf"{re.escape(first)}(?<!{before}{re.escape(first)})(?:{'|'.join(rests)})"
                            for first, rests in branches.items()) + ")"


@lru_cache(maxsize=16384)
def _known(word: str, lang: str = "") -> bool:
    """Whether a word is an ordinary German or English word, not a name ("Partners", "Umsatz"); a word with a
    capital inside ("MiniMax", "BigPoint") is a name. With ``lang`` "en" the English dictionary only: an English
    article's prose has no German words, and the German one holds names ("Ciena")."""
    if any(c.isupper() for c in word[1:]):
        return False
    langs = ("en",) if lang == "en" else ("de", "en")
    return any(simplemma.is_known(w, lg) for lg in langs for w in (word, word.lower()))


GERMAN_ENDINGS = ("s", "es", "n", "en", "e", "er", "ern", "ns")  # a German noun's genitive and plural endings
PLURAL_ONLY = ("en", "ern")  # the endings of nouns with no singular ("Kosten", "Eltern"), which have no other form


@lru_cache(maxsize=16384)
def dictionary_name(word: str) -> bool:
    """Whether a capitalised word the German dictionary holds is a name there, not a noun: its own lemma with no
    genitive or plural form ("Novartis", "Swisscom", "Samsung"; not "Umsatz" with "Umsatzes", not "Google" with
    "Googles") and no English word ("Airbus", "Micron" stay words)."""
    if not word[:1].isupper() or word.endswith(PLURAL_ONLY) or not simplemma.is_known(word, "de") or simplemma.is_known(word.lower(), "en"):
        return False
    return simplemma.lemmatize(word, "de") == word and not any(
        form != word and simplemma.is_known(form, "de") and simplemma.lemmatize(form, "de") == word
        for stem in (word, word[:-1], _umlauted(word)) for form in (stem + e for e in GERMAN_ENDINGS))  # "Firmen", "Städte"


def _umlauted(word: str) -> str:
    """The word with its last a, o or u as an umlaut, as in a German plural ("Stadt": "Städt-e")."""
    k = max(word.rfind(v) for v in "aou")
    return word[:k] + {"a": "ä", "o": "ö", "u": "ü"}[word[k]] + word[k + 1:] if k > 0 else word


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


def _no_german_word(name: str) -> bool:
    """Whether a one-word name right after a company noun in German text is no German word ("das Wiener Start-up
    Refurbed", "das Flugtaxi-Start-up Lilium"): an English word there names a company, where a German noun ("der
    Hersteller Kosten") is prose, where the dictionary's names are none ("der Pharmakonzern Novartis"). The English
    dictionary, which keeps "Partners" out elsewhere, is not asked."""
    return " " not in name and (dictionary_name(name) or not (simplemma.is_known(name, "de") or simplemma.is_known(name.lower(), "de")))


QUOTES_OPEN, QUOTES_CLOSE = "„“\"", "“”\""  # around a quoted name ("„Refurbed“"), for name_signals' patterns too


def _opens_sentence(text: str, start: int) -> bool:
    before = text[max(0, start - 4):start].rstrip(" \t\"'„“”‘’«»")
    return not before or before[-1] in ".!?:•\n"


def capitalised_words(before_first: str) -> str:
    """One to four capitalised words on one line, one space apart, as ``(?:{_WORD})(?:[ ](?:{_WORD})){0,3}``
    matches them where a space, a comma or a line break follows each word, with ``before_first`` (a lookbehind
    over the first letter and what precedes it) checked after the first letter.

    Why: a pattern that opens with a lookbehind or a choice of anchors is entered at every character of the
    article; one that opens with a character class lets the regex engine skip in C to the capitals. And as none
    of the characters that may follow a word can stand inside one, a word is the whole run of word characters
    from its first letter: read at once (possessive), not given back letter by letter when the rest fails, as
    ``_WORD`` does at each capitalised noun of a German text. Each start gives the same match as the plain form.
    """
    rest = r"[\w&’'.-]++(?<=[\w&])|(?<=[A-Z])(?![\w&’'.-])"  # more letters, ending in one; or a lone letter A-Z
    return rf"[A-ZÄÖÜ]{before_first}(?:{rest})(?:[ ](?:[A-ZÄÖÜ](?:{rest}))){{0,3}}"


MAX_CODE = 5  # letters at most of a ticker or a currency code written in capitals ("CRWV", "RMB")
POSSESSIVE_END = re.compile(r"(?<=\w)['’]s$")  # a name's possessive ending ("Zentrix's"), searched up to where it ends
MIN_COMPOUND_PART = 3  # letters at least in a compound's first and last part ("Chip|sparte")


def compound_of_known(word: str) -> bool:
    """Whether a German word is a compound whose last part is a dictionary noun ("Chipsparte": Sparte), not a name
    written in CamelCase ("CompuGroup": the capital begins no lower-case part)."""
    return any(word[k].islower() and simplemma.is_known(word[k:].capitalize(), "de")
               for k in range(MIN_COMPOUND_PART, len(word) - MIN_COMPOUND_PART))


def signal_allows(name: str, kind: str, lang: str, text: str = "", start: int = 0) -> bool:
    """Whether a name a signal found (:mod:`.name_signals`; ``kind`` head, shares or results) passes the dictionary.
    After a trade's noun as after a company noun: a German word there is prose ("der Autohersteller Europas"). With
    shares or results no single dictionary word alone ("Tech-Aktien", "Analysten verbuchten"), no compound of a known
    noun ("Cloud-Umsatz wuchs", "Chipsparte wuchs"), and in English no results of dictionary words only: a segment or
    an event ("Data Center grew 112%", "Singles Day generated"). Shares keep such names ("Raspberry Pi's IPO"). In
    English a dictionary word capitalised inside a sentence (not opening one at ``start`` in ``text``) is a name ("said
    Corning CEO"); in German a word in quotes that is no German word is one ("„Refurbed“ verbuchte")."""
    words = name.split()
    opens_sentence = not text or _opens_sentence(text, start)
    if kind in ("results", "subject", "possessive", "gapped") and len(words) == 1 and name.isupper() and len(name) <= MAX_CODE:
        return False  # a ticker or a code, not the name: "CRWV rose 8%", "revenue of RMB 5 billion"
    if kind != "head" and lang == "de" and any(compound_of_known(w) for w in words[1:]):
        return False  # a noun phrase: "Durchschnittliche Dealgröße stieg"
    if kind == "head":
        return _plausible(words, lang, False) or (lang == "de" and _no_german_word(name))
    if kind == "inverted":  # right after a German verb, before an article: a first word no German word is a name ("Windward Bio");
        compound = len(words) == 1 and "-" in name and _known(name.rsplit("-", 1)[-1])  # not "hat KI-Chips im Wert"
        return not compound and (_plausible(words, lang, False) or _no_german_word(words[0]))
    if kind in ("results", "subject", "gapped") and lang == "en" and all(_known(w) for w in words):
        return False
    if len(words) == 1 and ("-" in name and _known(name.rsplit("-", 1)[-1]) or lang == "de" and compound_of_known(name)):
        return False
    before, after = text[start - 1:start], text[start + len(name):start + len(name) + 1]  # "" past the text: no quote
    if lang == "de" and before and before in QUOTES_OPEN and after and after in QUOTES_CLOSE:
        return _no_german_word(name) or _plausible(words, lang, opens_sentence)
    return _plausible(words, lang, opens_sentence or lang != "en")


@lru_cache(maxsize=1)
def known_company() -> re.Pattern[str]:
    """A company the lexicon knows by name (organisations.csv, type company), as a whole word."""
    rows = [r["pattern"] for r in lexicon.load().organisations if r["kind"] == "named" and r.fields.get("type", "company") == "company"]
    return re.compile("|".join(f"(?:{p})" for p in rows))


def cut_to_whole(names: set[str]) -> dict[str, str]:
    """Each found name, or the longer name it is cut from with its last word shortened ("Black Semi" of "Black
    Semiconductor": the same company, named in full elsewhere). The names sorted once, each looks only at those that
    start with it (a run after it in sorted order), so the cost grows with the names, not their square."""
    ordered, out = sorted(names), {}
    for k, name in enumerate(ordered):
        head, _, last = name.rpartition(" ")
        out[name] = name
        if head and len(last) >= 3:
            for longer in ordered[k + 1:k + 1 + CUT_LOOKAHEAD]:
                if not longer.startswith(name):
                    break
                if " " not in longer[len(head) + 1:]:
                    out[name] = longer
                    break
    return out


CUT_LOOKAHEAD = 8  # how many names after a name in sorted order may be the longer one it was cut from


@lru_cache(maxsize=1)
def title_first() -> re.Pattern[str]:
    """A person's title as a name's first word (grammar_words role ``person_title``): "CEO Christophe Fouquet"."""
    return re.compile(rf"(?i:{lexicon.in_order(lexicon.load().words('person_title'))})\ ")


@lru_cache(maxsize=1)
def _place_adjective() -> re.Pattern[str]:
    """A city's or region's adjective (grammar_words role ``place_adjective``: "Berliner", "Wiener", "Zuger")."""
    return re.compile(lexicon.in_order(lexicon.load().words("place_adjective")))


def without_place_adjective(name: str, is_suffix: Callable[[str], bool]) -> str:
    """The name without a city's adjective before it ("Berliner Quirion AG": Quirion AG, "Wiener Tarvio": Tarvio), where
    what follows holds more than the words companies end with ("Basler AG" is the company Basler)."""
    first, _, rest = name.partition(" ")
    return rest if rest and _place_adjective().fullmatch(first) and not all(map(is_suffix, rest.split())) else name
