"""The currency around a number: hand-listed words, CLDR names, ISO codes, symbols and cents.

Why its own module and shape: CLDR adds about 1,100 names (German adjective
endings included) to the ~40 hand rows of ``currencies.csv``. One plain
alternation of them, tried after every number of every article, would cost
Python's regex engine one failed branch per name. Here the names are one
trie-shaped regex (a branch per distinct next letter) matched on the
lower-cased text, codes and symbols one small case-sensitive pattern plus a
set lookup, and all of it is tried only right after (or before) a number.

Each question (:func:`after`, :func:`before`, :func:`ahead`) is one regex
call on the lower-cased text: the rivals (hand row or cent word, CLDR name,
code or symbol) are optional lookaheads of one pattern, so their matches
come back together and the longest is taken, a hand row's on a tie. Codes
and symbols are then checked on the original text, as they count only in
capitals ("CHF", not "chf"), and a hand ``never`` row vetoes a generated
match of the same text ("TOP 10" is not ten Tongan paʻanga).
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from .. import lexicon
from ..lexicon import alternation, cldr, in_order, literal
from . import currency_context, numparse, wordscan
from .casefold import fold_pattern
from .table import Table

SPACE = r"[\s\-]+"  # between the words of a name: "Hongkong-Dollar", "Hongkong Dollar"


class Hit(NamedTuple):
    """A currency found next to a number: where it stands, its code, and 100 for a minor unit ("50 Cent")."""

    start: int
    end: int
    code: str
    divisor: int = 1


_NEW = tuple.__new__  # builds a Hit without the generated __new__: a hit is made for every figure with a currency


def trie_pattern(words: Iterable[str]) -> str:
    """One regex for ``words`` that branches letter by letter, so a miss costs a few steps, not one per word.

    Greedy: at each place the longest word is tried first. A space in a word
    matches any run of spaces and hyphens.

    >>> p = re.compile(trie_pattern(["yen", "yuan", "japanische yen"]) + "$")
    >>> [bool(p.match(s)) for s in ("yen", "yuan", "japanische-yen", "ye")]
    [True, True, True, False]
    """
    root: dict = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _emit(root)


def _emit(node: dict) -> str:
    branches = [(SPACE if ch == " " else re.escape(ch)) + _emit(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:
        return f"(?:{body})?" if len(branches) == 1 else body + "?"
    return body


def _role(role: str, language: str) -> list[lexicon.Row]:
    """Rows of one role of ``grammar_words.csv`` for ``language`` (and ``any``)."""
    return [r for r in lexicon.load().grammar_words if r["role"] == role and r["language"] in ("any", language)]


def _folded(patterns: list[str]) -> str:
    """Lexicon patterns as one alternation for the lower-cased text (case-insensitive only where lower-casing can't do)."""
    return literal("(?:" + "|".join(fold_pattern(p) or f"(?i:{p})" for p in sorted(patterns, key=len, reverse=True)) + ")")


def _starts(names: Iterable[str]) -> tuple[set[str], str]:
    """Where a CLDR name starts, after a number word or bare scale word: the one-word names, and the longer ones loosely.

    A longer name is a word starting like one of theirs (its first five
    letters: "japan" for every ending of "japanisch"), up to two more words,
    and one of their last words ("yen"). Enough for a lookahead to tell "drei
    Japanische Yen" from "drei japanische Firmen" without putting every name
    into the core pattern several times, which made it slow to build and to
    try; the currency reader checks the exact name afterwards.
    """
    singles = {n for n in names if " " not in n}
    firsts = trie_pattern({n.split(" ")[0][:5] for n in names if " " in n})
    nouns = trie_pattern({n.rsplit(" ", 1)[1] for n in names if " " in n})
    return singles, rf"(?:{firsts})[^\W\d_]*+\.?(?:[\s-]+[^\W\d_]++\.?){{0,2}}[\s-]+{nouns}"


@dataclass(frozen=True)
class Currencies:
    """The compiled currency vocabulary of one language; built by :func:`currencies`, read by the functions below."""

    language: str
    vocab: cldr.Vocabulary
    after: re.Pattern[str]  # after a number, on the lower-cased text: groups minor, hand, name, mark
    before: re.Pattern[str]  # before a number ("$5", "CHF 5"), searched in the 8 characters before it
    ahead: re.Pattern[str]  # the same at the start of a range's second number ("and $65bn")
    cents: re.Pattern[str]  # cents after an amount ("und 15 Cent", "fünfzig")
    hand_codes: Table  # currencies.csv: text -> code
    minor_codes: Table  # minor_unit rows: text -> [code alone, codes it completes ...]
    never: re.Pattern[str]  # currencies.csv "never" rows
    unit_start: str  # regex text, case-insensitive: a currency starts here (for the core pattern)
    word_start: str  # a hand, cent or one-word CLDR currency word, not followed by "-" (after "einen": not "ein Euro-Land")
    one: str  # regex text: an article meaning 1 before a currency ("einen Euro"); "" when the language has none
    one_lower: str  # the article and a currency word after it, for the lower-cased trigger scan ("" when none)


@lru_cache(maxsize=2)
def currencies(language: str) -> Currencies:
    """Build (once per language and process) the currency patterns from the lexicon and CLDR."""
    lex, vocab = lexicon.load(), cldr.vocabulary()
    hand_pre = [r["pattern"] for r in lex.currencies if r["position"] in ("prefix", "both", "context")]
    hand_suf = [r["pattern"] for r in lex.currencies if r["position"] in ("suffix", "both", "context")]
    never = [r["pattern"] for r in lex.currencies if r["position"] in ("never", "context")]  # context: only as a hand row
    minor = _role("minor_unit", language)
    minor_words = [r["pattern"] for r in minor]
    codes, symbols = {c.lower() for c in vocab.codes}, {s.lower() for s in vocab.symbols}  # capitals: checked after
    marks = literal(trie_pattern(codes | symbols))
    names = literal(trie_pattern(vocab.names))
    generated = rf"(?P<gen>{literal(trie_pattern(codes | {c + '$' for c in codes} | symbols))})"  # CHF 5, cad$ 15, R$ 5
    singles, multi = _starts(vocab.names)
    words = f"{alternation(hand_suf)}|{alternation(minor_words)}|{trie_pattern(singles)}|{multi}"
    one = in_order([r["pattern"] for r in _role("currency_one", language)])
    one = "" if one == "(?:)" else one
    # the trigger scan tries this at every "ein": a trie of the hand words' literal starts and the one-word names
    # fails within a letter or two (the core pattern then checks the whole word); symbols ("$") are no word after
    # "ein". CLDR's longer names are left out here: "einen japanischen Yen" is rare, "ein" is everywhere.
    starts = wordscan.literal_prefixes(hand_suf + minor_words)
    after_one = trie_pattern(singles | {p.lower() for p in starts if p}) if starts is not None else \
        f"{_folded(hand_suf + minor_words)}|{trie_pattern(singles)}"
    one_lower = rf"{one.lower()}(?=\s+{literal(after_one)})" if one else ""
    return Currencies(
        language=language, vocab=vocab,
        after=re.compile(rf"""
            [\s-]* (?:{_folded(lex.words("currency_link"))}\s+)?   # 5 Milliarden (an) Dollar
            (?=(?: (?P<minor>{_folded(minor_words)})          # 50 Cent, 50 Euro-Cent
                 | (?:(?:us|u\.s\.)[\s-])? (?P<hand>{_folded(hand_suf)}) ) (?![\w]))?   # US-Dollar, Franken
            (?=(?P<name>{names}) (?![\w]))?                  # CLDR: japanische Yen
            (?=(?P<mark>{marks}) (?![\w]))?                  # CLDR: SEK, R$
            """, re.VERBOSE),
        # \Z, not $: "$" also matches before a line's end, so "2 $" on one line gave "8" on the next its dollar
        before=re.compile(rf"(?:(?P<hand>{_folded(hand_pre)})|(?<![\w$]){generated})[ \u00a0]?\Z"),
        ahead=re.compile(rf"(?:(?P<hand>{_folded(hand_pre)})|{generated})[ \u00a0]?"),
        cents=_cents_pattern(language, alternation(minor_words)),
        hand_codes=Table([(re.compile(rf"(?:{r['pattern']})$", re.IGNORECASE), r["code"])
                          for r in lex.currencies if r["position"] != "never"]),
        minor_codes=Table([(re.compile(rf"(?:{r['pattern']})$", re.IGNORECASE), r["value"].split()) for r in minor]),
        never=re.compile(alternation(never) if never else r"(?!)", re.IGNORECASE),
        unit_start=rf"(?:(?:{words}|(?-i:[A-Z]{{3}}))\b)",
        word_start=rf"(?:{alternation(hand_suf)}|{alternation(minor_words)}|{trie_pattern(singles)})(?![\w-])",
        one=one, one_lower=one_lower)


def _cents_pattern(language: str, minor_words: str) -> re.Pattern[str]:
    and_words = in_order([r["pattern"] for r in _role("cents_and", language)])
    return re.compile(rf"""
        \s+ (?:(?P<and>{literal(and_words)})\s+)?          # 15 Dollar (und)
        (?P<cnum>\d{{1,2}}|{literal(numparse.number_word_pattern(language))}) (?![\w])   # 15, fünfzig
        (?:\s+(?P<cword>{literal(minor_words)})(?![\w])    # Cent
          | (?=\s*(?:[.,;:!?)\]"“”»«](?!\d)|$)))           # or nothing but the end of the phrase
    """, re.IGNORECASE | re.VERBOSE)


def code_of(c: Currencies, written: str) -> str | None:
    """The code of a CLDR code or symbol as written ("SEK", "R$", "cad$"), unless a ``never`` row vetoes it."""
    if len(written) == 4 and written.endswith("$") and written[:3].isalpha():  # a code made a dollar sign
        code = written[:3].upper()
    else:
        code = c.vocab.symbols.get(written, written)
    return code if code in c.vocab.codes and not c.never.fullmatch(written) else None


def after(c: Currencies, text: str, m: re.Match[str]) -> Hit | None:
    """The currency right after a number, from ``c.after.match(folded, pos)``: the longest match, a hand row's on a tie.

    The caller runs the match itself and calls this only when ``m.lastindex``
    says something matched: most numbers have no currency after them, and
    this saves them a Python call.
    """
    minor, hand, name, mark = m.group("minor", "hand", "name", "mark")
    best = None
    if minor is not None:
        a, b = m.span("minor")
        best = _NEW(Hit, (a, b, c.minor_codes.get(text[a:b], ["USD"])[0], 100))
    elif hand is not None:
        a, b = m.span("hand")
        code = _decided(text, a, c.hand_codes.get(text[a:b], "USD"))
        best = _NEW(Hit, (a, b, code, 1)) if code else None
    if name is not None and m.end("name") > (best.end if best else -1):
        a, b = m.span("name")
        code = c.vocab.names.get(name) or c.vocab.names.get(cldr.fold_name(name))
        if code and not c.never.fullmatch(text[a:b]):
            best = _NEW(Hit, (a, b, code, 1))
    if mark is not None and m.end("mark") > (best.end if best else -1):
        a, b = m.span("mark")
        code = code_of(c, text[a:b])
        best = _NEW(Hit, (a, b, code, 1)) if code else best
    return best


def before(c: Currencies, text: str, folded: str, start: int, m: re.Match[str] | None) -> Hit | None:
    """The currency right before a number starting at ``start`` ("$", "CHF ", "cad$"): the longest, hand on a tie.

    ``m`` is ``c.before.search(folded, max(0, start - 8), start)``, run by the
    caller so that numbers without one cost no Python call.
    """
    while m:
        a = m.start()
        if m.group("hand") is not None:
            code = _decided(folded, a, c.hand_codes.get(text[a:m.end("hand")], "USD"))
            return _NEW(Hit, (a, start, code, 1)) if code else None
        code = code_of(c, text[a:m.end("gen")])
        if code:
            return _NEW(Hit, (a, start, code, 1))
        m = c.before.search(folded, a + 1, start)  # "XYZ$ 5": not a code, but "$" is
    return None


def _decided(text: str, at: int, code: str) -> str | None:
    """A hand row's code; for a symbol two currencies share ("JPY|CNY"), the one the text names nearest ``at``."""
    return code if "|" not in code else currency_context.resolve(text, at, code.split("|"))


def ahead(c: Currencies, text: str, folded: str, pos: int, limit: int) -> int | None:
    """Where the number starts after a currency written first at ``pos`` ("and $65bn"), or None."""
    m = c.ahead.match(folded, pos, limit)
    if m and (m.group("hand") is not None or code_of(c, text[pos:m.end("gen")])):
        return m.end()
    return None


def cents(c: Currencies, text: str, pos: int, limit: int, code: str) -> tuple[int, int] | None:
    """Cents after a whole amount in ``code`` ending at ``pos``: "und 15 Cent", "fünfzig" -> (end, cents).

    Without a cent word only a number word or two digits ending the phrase
    count ("zwei Euro fünfzig."), and "und" needs the cent word: "15 Dollar
    und 15 Prozent" stays two figures. A cent word must fit the currency:
    "Rappen" completes francs, not kronor.
    """
    m = c.cents.match(text, pos, limit)
    if not m or (not m.group("cword") and (m.group("and") or len(m.group("cnum")) == 1)):
        return None
    fits = c.minor_codes.get(m.group("cword"), ["*"]) if m.group("cword") else ["*"]
    if code not in fits and "*" not in fits:
        return None
    number = m.group("cnum")
    try:
        value = float(number) if number.isdecimal() else numparse.parse_words(number, c.language)
    except ValueError:
        return None
    if not (0 < value < 100 and value.is_integer()):
        return None
    return m.end(), int(value)
