"""The rows a chart draws, in one currency, and the words that say how they were chosen and converted.

Why its own module: every chart builder needs the same steps in the same order —
the date range, the measures, then the currency (converted at the ECB rate, or
kept apart by currency) — and the same honest notes about them; the builders in
``questions.py`` keep only what differs between charts.
"""
from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pandas as pd

from ..schema import is_money
from . import money
from .common import select
from .compare import SEP
from .scope import Scope, in_dates
from .style import label, text

#: Columns the chart CSV carries beyond the drawn ones: the period, and the amount as written before conversion.
EXTRA = ["period", *money.ORIGINAL_COLUMNS]


def prepare(df: pd.DataFrame, measures: list[str], scope: Scope, seeds_dir: str | Path | None,
            money_only: bool | None = True, prefix: bool = False) -> tuple[pd.DataFrame, Scope]:
    """The chart's rows: in the date range, of its measures, money in the chart's currency (or as written)."""
    df, scope = in_dates(df, scope, seeds_dir)
    rows = select(df, measures, prefix=prefix, money=money_only)
    if "period" not in rows:
        rows["period"] = ""
    rows["period"] = rows["period"].fillna("").astype(str)
    if scope.convert:
        rows = money.convert(rows, scope.currency, scope.dates, scope.default_day())
    else:
        rows = money.keep_original(rows)
    return rows, scope


def _day(d: str | dt.date, locale: str) -> str:
    d = dt.date.fromisoformat(d) if isinstance(d, str) else d
    return f"{d.day}.{d.month}.{d.year}" if locale == "de" else f"{d.day} {d.strftime('%b')} {d.year}"


def _precision(date: object) -> str:
    """'day', 'month' or 'year': how exactly sources.csv dates an article ('2025-01-27', '2025-01', '2025')."""
    parts = [p for p in str(date or "").split("-") if p]
    return {1: "year", 2: "month"}.get(len(parts), "day")


def conversion_note(rows: pd.DataFrame, scope: Scope, locale: str) -> str:
    """'Beträge in EUR umgerechnet in US-Dollar zum EZB-Referenzkurs vom 31.12.2024; Artikel nur mit Monat
    datiert: Kurs vom Ersten des Monats, an Tagen ohne Kurs vom letzten Geschäftstag davor' — every rate day
    used, and the rule behind a day no article states; empty when nothing was converted."""
    if rows.empty or "unit_original" not in rows:
        return ""
    done = rows[rows["unit_original"] != rows["unit"]]
    if done.empty:
        return ""
    dated = done[done["article"].map(lambda a: scope.dates.get(a) is not None)]
    undated = done[~done.index.isin(dated.index)]
    parts = []
    if not dated.empty:
        days = ", ".join(_day(d, locale) for d in sorted(set(dated["rate_date"])))
        parts.append(text("rate_of_day" if dated["rate_date"].nunique() == 1 else "rate_of_article", locale, day=days))
        vague = sorted(set(dated.get("date", pd.Series(dtype=str)).map(_precision)) - {"day"})
        if vague:
            key = f"rate_{'_'.join(vague)}"
            parts.append(text("rate_vague", locale, which=label(key, locale), first=label(f"{key}_first", locale)))
    if not undated.empty:
        key = "rate_undated" if parts else "rate_of_day"
        parts.append(text(key, locale, day=_day(sorted(set(undated["rate_date"]))[0], locale)))
    return text("note_converted", locale, currencies=", ".join(sorted(set(done["unit_original"]))),
                target=label(scope.currency, locale), when="".join(parts))


def money_words(rows: pd.DataFrame, scope: Scope, locale: str) -> str:
    """'in US-Dollar' when every amount is in one currency; 'je Währung ein Feld' when kept apart."""
    units = sorted(set(u for u in rows["unit"] if is_money(u)))
    if len(units) <= 1:
        return text("in_currency", locale, name=label(units[0] if units else scope.currency, locale))
    return label("by_currency", locale)


def describe(rows: pd.DataFrame, measure: str, locale: str) -> str:
    """The headline when the table supports no comparison: 'Trainingskosten von KI-Modellen laut 9 Artikeln'."""
    n = rows["article"].nunique()
    what = label(f"describe_{measure}", locale)
    if what == f"describe {measure}".replace("_", " "):
        what = label(measure, locale)
    return text("describe_one" if n == 1 else "describe_many", locale, what=what, n=n)


def describe_first(rows: pd.DataFrame, measures: list[str], locale: str, prefix: bool = False) -> str:
    """The describing headline of the first of ``measures`` the rows hold, counting that measure's articles only:
    'Investitionen in KI laut 19 Artikeln' must not count the articles that give only a funding round."""
    m = rows["measure"].fillna("").astype(str)
    for measure in measures:
        part = rows[(m.str.startswith(measure) if prefix else m.eq(measure)).to_numpy(dtype=bool)]
        if len(part):
            return describe(part, measure, locale)
    return describe(rows, measures[0], locale)


def by_currency(rows: pd.DataFrame) -> list[pd.DataFrame]:
    """The rows split by currency (one panel each) — the chart's answer to ``convert=False``."""
    return [g for _, g in rows.groupby("unit", sort=True)] if len(rows) else [rows]


def who(subject: str, locale: str) -> str:
    """'OpenAI|Microsoft GPT-4' -> 'OpenAI, Microsoft GPT-4' with organisation names in the locale."""
    orgs, _, model = subject.partition(SEP)
    names = ", ".join(label(o, locale) for o in orgs.split("|") if o)
    return " ".join(x for x in (names, model) if x)


def per_million_tokens(rows: pd.DataFrame) -> pd.DataFrame:
    """Prices per million tokens; a price per thousand tokens (or per image) is another rate, left out with a note."""
    keep = rows["per"].eq("1M tokens")
    for _, r in rows[~keep].iterrows():
        print(f"note: {r['article']}: {r['quote']!r} is a price per {r['per'] or '?'}, not per million tokens; "
              "left out of the token-price chart", file=sys.stderr)
    return rows[keep]


def is_money_rows(rows: pd.DataFrame) -> pd.Series:
    """Which rows are amounts of money (a boolean mask)."""
    return rows["unit"].map(is_money).astype(bool)
