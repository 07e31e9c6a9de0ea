"""What a headline claims, read back through the template that made it (tests/test_headline_truth.py).

Why: a number can be in the gold and the headline still false — "Nvidia verlor 279 Mrd. $
bis 4 Bio. $ an Börsenwert" took 4 Bio. $ from a market value *reached*, not lost. So the
truth test reads each headline with its own template from ``labels.csv``: which field holds
which number, and what the template's words say it is (``data/headline_claims.csv``: the
measure, and the fields that name the organisation or model). A number is then supported
only by gold rows of that measure about that subject.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd
from conftest import DATA

from newsnumbers.charts.compare import SEP
from newsnumbers.charts.selection import who
from newsnumbers.charts.style import _labels, genitive, label

FIELD = re.compile(r"\{(\w+)\}")


@dataclass(frozen=True)
class Claim:
    """One number-bearing field of a template: its kind, the measure its words state, the subjects it is about."""

    template: str
    field: str
    kind: str           # amount | ratio | share
    measure: str        # a measure, 'prefix*', or '@measure' (the measure the headline names)
    subjects: tuple[str, ...]


@lru_cache(maxsize=1)
def claims() -> tuple[Claim, ...]:
    with (DATA / "headline_claims.csv").open(encoding="utf-8", newline="") as handle:
        rows = [r for r in csv.DictReader(line for line in handle if not line.startswith("#"))]
    return tuple(Claim(r["template"], r["field"], r["kind"], r["measure"], tuple(r["subjects"].split(";"))) for r in rows)


def _own(key: str, part: str) -> str:
    """The template of field ``part`` of template ``key``: '{key}_{part}', or that of a template ``key`` varies
    ('{when}' of title_source_check_same is title_source_check_when); '' when the field has none."""
    while key:
        if f"{key}_{part}" in _labels():
            return f"{key}_{part}"
        key = key.rpartition("_")[0]
    return ""


@lru_cache(maxsize=4)
def _words(locale: str, lower: bool) -> str:
    """Every plain word of labels.csv (no template), longest first, as a regex alternation."""
    words = {row[locale].lower() if lower else row[locale] for row in _labels().values()
             if row.get(locale) and "{" not in row[locale]}
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))


def _pattern(key: str, locale: str) -> str:
    """The template as a regex: each field a named group; a field with its own template ('{tail}' of
    title_market -> title_market_tail) inlined as an optional group."""
    out = []
    for i, part in enumerate(FIELD.split(label(key, locale))):
        if i % 2 == 0:
            out.append(re.escape(part))
        elif _own(key, part):
            out.append(f"(?:{_pattern(_own(key, part), locale)})?")
        elif part in ("measure", "measure_lower"):  # a word of labels.csv: "OpenAI GPT-4s Trainingskosten" is
            out.append(f"(?P<{part}>{_words(locale, part == 'measure_lower')})")  # GPT-4's, not OpenAI's "GPT-4s …"
        else:
            out.append(f"(?P<{part}>.+?)")
    return "".join(out)


def read(title: str, locale: str) -> tuple[list[Claim], dict[str, str]] | None:
    """(the claims, the fields' text) of the template that reads ``title``; None when no claim template does."""
    for key in sorted({c.template for c in claims()}):
        m = re.fullmatch(_pattern(key, locale), title)
        if m:
            fields = {k: v for k, v in m.groupdict().items() if v is not None}
            return [c for c in claims() if c.template.startswith(key) and c.field in fields], fields
    return None


def describes(title: str, locale: str) -> bool:
    """Whether ``title`` is a describing headline ('… laut 9 Artikeln') or a bare measure name: no number claimed."""
    forms = [_pattern(k, locale) for k in ("describe_many", "describe_one")]
    return any(re.fullmatch(p, title) for p in forms) or title in {label(k, locale) for k in _labels()}


def measure_rows(rows: pd.DataFrame, claim: Claim, fields: dict[str, str], locale: str) -> pd.DataFrame:
    """The rows of the measure the claim's words state."""
    m = rows["measure"].astype(str)
    if claim.measure == "@measure":
        named = fields.get("measure") or fields.get("measure_lower", "")
        keep = m.map(lambda x: named in (label(x, locale), label(x, locale).lower()))
    elif claim.measure.endswith("*"):
        keep = m.str.startswith(claim.measure[:-1])
    else:
        keep = m.eq(claim.measure)
    return rows[keep.to_numpy(dtype=bool)]


def names(row: pd.Series, locale: str) -> set[str]:
    """Every way a headline may name a row's subject: its organisations together or one of them, with or
    without its model, or the model alone."""
    orgs, model = str(row["organisation"]), str(row["model"])
    out = {who(orgs, locale)} | {label(o, locale) for o in orgs.split("|") if o}
    if model:
        out |= {who(orgs + SEP + model, locale), model} | {f"{label(o, locale)} {model}" for o in orgs.split("|") if o}
    return out


def about(rows: pd.DataFrame, name: str, locale: str, in_genitive: bool = False) -> pd.DataFrame:
    """The rows a headline's subject ``name`` ('Nvidia', 'OpenAI GPT-4', 'DeepSeek') is about; ``in_genitive``:
    the name as a genitive field writes it ("Schweiz'", 'Nvidias'), read through the charts' own ``genitive``."""
    if rows.empty:
        return rows
    def named(r: pd.Series) -> bool:
        forms = names(r, locale)
        return name.strip() in ({genitive(n, locale) for n in forms} if in_genitive else forms)
    return rows[rows.apply(named, axis=1).to_numpy(dtype=bool)]
