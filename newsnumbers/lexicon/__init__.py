"""Load the editable vocabularies in ``newsnumbers/lexicon/``.

Why data files: the words that make a figure (currencies, scale words,
qualifiers, organisation aliases, measure cues) change with every new beat an
analyst covers. Keeping them as CSV means they can be extended without code,
and a bad entry is reported with its file and line instead of a traceback.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

LEXICON_DIR = Path(__file__).parent


class LexiconError(ValueError):
    """A lexicon file has a malformed row or pattern; the message names file and line."""


@dataclass(frozen=True)
class Row:
    """One data row of a lexicon file, with where it came from."""

    fields: dict[str, str]
    path: Path
    line: int

    def __getitem__(self, key: str) -> str:
        return self.fields[key]

    def where(self) -> str:
        return f"{self.path.name}:{self.line}"


def read_rows(name: str, directory: Path = LEXICON_DIR) -> list[Row]:
    """Rows of one lexicon file, skipping blank and ``#`` comment lines."""
    path = directory / name
    with path.open(encoding="utf-8", newline="") as handle:
        lines = [(no, text) for no, text in enumerate(handle, start=1)
                 if text.strip() and not text.lstrip().startswith("#")]
    if not lines:
        raise LexiconError(f"{path}: empty lexicon file")
    reader = csv.reader([text for _, text in lines])
    header = next(reader)
    rows: list[Row] = []
    for (no, _), values in zip(lines[1:], reader):
        if len(values) != len(header):
            raise LexiconError(
                f"{path.name}:{no}: expected {len(header)} fields "
                f"({', '.join(header)}), got {len(values)}")
        rows.append(Row(dict(zip(header, (v.strip() for v in values))), path, no))
    return rows


def compile_pattern(row: Row, key: str = "pattern", flags: int = re.IGNORECASE) -> re.Pattern[str]:
    """Compile a regex from a lexicon row, naming file and line on error."""
    try:
        return re.compile(row[key], flags)
    except re.error as exc:
        raise LexiconError(f"{row.where()}: bad pattern {row[key]!r}: {exc}") from exc


def alternation(patterns: list[str]) -> str:
    """One non-capturing alternation, longest pattern first so 'US-Dollar' beats 'US'."""
    return "(?:" + "|".join(sorted(patterns, key=len, reverse=True)) + ")"


def in_order(patterns: list[str]) -> str:
    """One non-capturing alternation in the given (file) order, for words whose order the file decides."""
    return "(?:" + "|".join(patterns) + ")"


def literal(pattern: str) -> str:
    """A lexicon pattern safe inside a ``re.VERBOSE`` regex: spaces and ``#`` keep their meaning.

    >>> import re
    >>> bool(re.fullmatch(rf"x {literal('Jahre alt')}", "xJahre alt", re.VERBOSE))
    True
    """
    return f"(?-x:{pattern})"


@dataclass(frozen=True)
class Lexicon:
    """All vocabularies, loaded once per process (see :func:`load`)."""

    currencies: list[Row]
    scales: list[Row]
    number_words: list[Row]
    vague: list[Row]
    qualifiers: list[Row]
    count_nouns: list[Row]
    per_nouns: list[Row]
    organisations: list[Row]
    place_groups: list[Row]
    models: list[Row]
    anaphors: list[Row]
    descriptions: list[Row]
    measures: list[Row]
    level_measures: list[Row]
    change_measures: list[Row]
    boundaries: list[Row]
    boilerplate: list[Row]
    abbreviations: list[Row]
    stopwords: list[Row]
    grammar_words: list[Row]

    def words(self, role: str) -> list[str]:
        """The patterns of one role of ``grammar_words.csv``, in file order (every language)."""
        found = [r["pattern"] for r in self.grammar_words if r["role"] == role]
        if not found:
            raise LexiconError(f"grammar_words.csv: no row has role {role!r}")
        return found

    def word_values(self, role: str) -> dict[str, str]:
        """Pattern -> value for one role of ``grammar_words.csv`` (e.g. rate directions)."""
        return {r["pattern"]: r["value"] for r in self.grammar_words if r["role"] == role}


def _check_cue_group(group: str, row: Row) -> None:
    """A measure cue group is plain words joined by "|" (see engine/attribute/cues.py), not a regex."""
    for term in group.split("|"):
        words = term.strip().lstrip("=-+").split()
        if not words or not all(re.fullmatch(r"[^\W\d_]+", w) for w in words) or (term.strip()[:1] in "-+" and len(words) > 1):
            raise LexiconError(f"{row.where()}: cue {term.strip()!r} must be words (letters only; '=word' for a whole word, "
                               "'-word' for one word's last part, '+word' for a compound's last part only)")


PLACE_GROUPS = "*place_groups*"  # the row of organisations.csv that stands for the rows place_groups.csv makes


def _with_place_groups(orgs: list[Row], groups: list[Row], grammar: list[Row]) -> list[Row]:
    """organisations.csv with its row ``*place_groups*`` replaced by one group row per place of place_groups.csv:
    each of the place's adjectives before the nouns of grammar_words roles ``place_group_nouns_de``/``_en``. Why: the
    18 places shared one long pattern, copied 18 times; a change to it (a new noun, a word "tech" must not precede)
    is now made once."""
    nouns = {r["role"].rsplit("_", 1)[1]: r["pattern"] for r in grammar if r["role"].startswith("place_group_nouns_")}
    out: list[Row] = []
    for row in orgs:
        if row["canonical"] != PLACE_GROUPS:
            out.append(row)
            continue
        if set(nouns) != {"de", "en"}:
            raise LexiconError(f"{row.where()}: grammar_words.csv needs roles place_group_nouns_de and place_group_nouns_en")
        for g in groups:
            alternatives = [f"{a}{nouns['de']}" for a in g["de"].split("|") if a] + \
                [f"{a} {nouns['en']}" for a in g["en"].split("|") if a]
            out.append(Row({**row.fields, "canonical": g["canonical"], "pattern": "|".join(alternatives)}, g.path, g.line))
    return out


@lru_cache(maxsize=4)
def load(directory: Path = LEXICON_DIR) -> Lexicon:
    """Read every lexicon file and check every pattern compiles."""
    files = {name: read_rows(f"{name}.csv", directory) for name in Lexicon.__dataclass_fields__}
    files["organisations"] = _with_place_groups(files["organisations"], files["place_groups"], files["grammar_words"])
    lex = Lexicon(**files)
    for name in ("currencies", "scales", "vague", "qualifiers", "count_nouns",
                 "per_nouns", "organisations", "models", "anaphors", "descriptions",
                 "boundaries", "boilerplate", "grammar_words"):
        for row in getattr(lex, name):
            compile_pattern(row)
    for row in lex.currencies:
        if row["position"] not in {"prefix", "suffix", "both", "never", "context"}:
            raise LexiconError(f"{row.where()}: position must be prefix, suffix, both, never or context, not {row['position']!r}")
    for row in lex.measures:
        for cue in row["cues"].split(" && "):
            _check_cue_group(cue, row)
        if row["unit_kind"] not in {"money", "percent", "count", "any"}:
            raise LexiconError(f"{row.where()}: unknown unit_kind {row['unit_kind']!r}")
    for row in lex.scales + lex.number_words + lex.vague:
        key = "multiplier" if "multiplier" in row.fields else "value"
        try:
            float(row[key])
        except ValueError as exc:
            raise LexiconError(f"{row.where()}: {key} is not a number: {row[key]!r}") from exc
    return lex
