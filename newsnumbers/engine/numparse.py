"""Turn the text of a number into a float: digits in German or English style, and number words.

Why by hand: the formats overlap ("2.048" is two thousand and forty-eight in a
German article and two point oh four eight in an English one), so the
article's language decides, and German compounds ("zweieinhalb",
"einhundertdrei") are not covered by the parsers of the standard library.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .. import lexicon

GROUP_SPACES = "'’\u00a0\u202f\u2009 "
_DIGITS_ONLY = re.compile(r"\d+")


def parse_digits(text: str, language: str = "de") -> float:
    """Parse '5,6', '2.000', '160'000', '1 234 567,89', '2,048', '2.8' for ``language``.

    A separator followed by exactly three digits and more separators of the
    same kind is grouping; when both '.' and ',' occur, the last one is the
    decimal mark; a lone '.' or ',' followed by three digits is grouping in the
    language's own style (German '.', English ',') and decimal otherwise.

    >>> parse_digits("5,6"), parse_digits("2.000"), parse_digits("160'000"), parse_digits("1 234 567,89")
    (5.6, 2000.0, 160000.0, 1234567.89)
    >>> parse_digits("2,048", "en"), parse_digits("2.048", "de"), parse_digits("2.8", "de")
    (2048.0, 2048.0, 2.8)
    """
    if text.isdecimal():
        return float(text)  # the common case: plain digits
    s = text.strip()
    for ch in GROUP_SPACES:
        s = s.replace(ch, "")
    if not s:
        raise ValueError(f"not a number: {text!r}")
    if "." in s and "," in s:
        decimal = "." if s.rfind(".") > s.rfind(",") else ","
    elif "." in s or "," in s:
        sep = "." if "." in s else ","
        parts = s.split(sep)
        if len(parts) > 2:  # 1.000.000: only grouping repeats
            decimal = "," if sep == "." else "."
        elif len(parts[-1]) == 3 and len(parts[0]) <= 3 and parts[0] not in ("", "0"):
            group_mark = "." if language == "de" else ","
            decimal = ("," if sep == "." else ".") if sep == group_mark else sep
        else:
            decimal = sep
    else:
        decimal = ""
    if decimal:
        group = "," if decimal == "." else "."
        s = s.replace(group, "").replace(decimal, ".")
    else:
        s = s.replace(".", "").replace(",", "")
    return float(s)


@lru_cache(maxsize=2)
def _word_table(language: str) -> dict[str, tuple[float, str]]:
    return {row["word"].lower(): (float(row["value"]), row["kind"])
            for row in lexicon.load().number_words if row["language"] == language}


def _split_compound(word: str, atoms: tuple[str, ...]) -> list[str] | None:
    """Split a German compound into number atoms, backtracking ('eineinhalb' = ein+einhalb)."""
    if not word:
        return []
    for atom in atoms:
        if word.startswith(atom):
            rest = _split_compound(word[len(atom):], atoms)
            if rest is not None:
                return [atom, *rest]
    return None


def parse_words(text: str, language: str = "de") -> float:
    """Value of a German or English number word: 'sechs', 'zweieinhalb', 'twenty-one'.

    German compounds are split into atoms (ein|und|zwanzig); English words are
    separated by spaces or hyphens. Raises ValueError when the text is not a
    number word, so callers can fall back to "not a figure".

    >>> parse_words("sechs"), parse_words("zweieinhalb"), parse_words("einhundertdrei"), parse_words("twenty-one", "en")
    (6.0, 2.5, 103.0, 21.0)
    """
    table = _word_table(language)
    raw = re.sub(r"[\s-]+", "", text.lower()) if language == "de" else text.lower()
    atoms: list[str] = []
    if language == "de":
        atoms = _split_compound(raw, tuple(sorted(table, key=len, reverse=True)) + ("und",))
        if atoms is None:
            raise ValueError(f"not a number word: {text!r}")
    else:
        atoms = [a for a in re.split(r"[\s-]+", raw) if a]
    total, current, seen = 0.0, 0.0, False
    for atom in atoms:
        if atom in ("und", "and"):
            continue
        if atom not in table:
            raise ValueError(f"not a number word: {text!r}")
        value, kind = table[atom]
        seen = True
        if kind == "hundred":
            current = (current or 1) * 100
        elif kind == "thousand":
            total += (current or 1) * 1000
            current = 0
        elif kind == "half":
            current += value
        else:
            current += value
    if not seen:
        raise ValueError(f"not a number word: {text!r}")
    return total + current


def number_word_pattern(language: str) -> str:
    """Regex (no groups) matching one number word of ``language``, compounds included."""
    words = sorted(_word_table(language), key=len, reverse=True)
    atoms = "|".join(re.escape(w) for w in words if _word_table(language)[w][1] != "article")
    if language == "de":
        return rf"(?:{atoms}|ein|und)*(?:{atoms})"
    return rf"(?:{atoms})(?:[\s-]+(?:and\s+)?(?:{atoms}))*"


def article_pattern(language: str) -> str:
    """Regex for articles that mean 1 before a scale word ('eine Million', 'a billion')."""
    words = [w for w, (_, k) in _word_table(language).items() if k == "article"]
    return "(?:" + "|".join(sorted(words, key=len, reverse=True)) + ")"


def atoms(language: str, articles: bool = True) -> list[str]:
    """Every number word of ``language`` (for the recogniser's prefilter); ``articles=False`` leaves out ein/a."""
    return [w for w, (_, kind) in _word_table(language).items() if articles or kind != "article"]
