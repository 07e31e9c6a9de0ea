"""The source check's topics, and the one its headline speaks of (chart 06).

Why its own module: the headline used to state the topic with the widest spread, and
on a real corpus the widest spread is a misread ("Nvidias Börsenwert: von 162,9 $ bis
5 Bio. $", a share price read as a market value). A careful desk leads with the figure
the most articles report and states the range the articles give of that one figure.

Why not every figure of a topic (dev batch p: "13 Angaben zu Schweiz' Finanzierung: von
44,9 Mio. CHF bis 1,5 Mrd. CHF" set Switzerland's half-year total beside the sector
subtotals and the year before that the articles also file under Switzerland): a careful
desk compares only figures that claim the same fact. Two figures do when they lie within
``compare.SAME_FIGURE`` of each other (rounding and estimates: "5,6" and "sechs
Millionen", 78 Mio. and "mehr als 100 Mio.") and, when both are exact and written to
``PRECISE_DIGITS`` significant digits or more, within ``compare.ROUNDED_REPEAT`` (1.082,4
Mio. and 1.473,7 Mio. CHF are two half-years, not a disagreement). The headline states
the figure most articles give; the chart draws every figure and a note counts the others.

Why the month (``dated.csv``): a market value, share price or valuation is a fact at a date. On the dev corpus the
headline read "7 articles, 8 figures on Nvidia's market value: from $2.9T to ≥ $5T" over articles from January to
November 2025, as if the sources disagreed. Figures of those measures are one topic only when their articles are of
the same month (sources.csv's date, to the day or the month); an article without a month cannot be placed in time,
so its figures of those measures are left out of the comparison and counted (:func:`undated`).
"""
from __future__ import annotations

import math
from functools import lru_cache
from pathlib import Path

import pandas as pd

from .. import lexicon
from ..schema import is_money
from . import numfmt
from .compare import ROUNDED_REPEAT, SAME_FIGURE, SEP
from .layout import facts
from .plots import PREFIX

#: what makes figures one topic of the source check: one organisation and model, one measure, unit and period, and
#: for a measure that holds at a date (``dated.csv``) the month of the articles ('' for every other measure)
TOPIC = ["organisation", "model", "measure", "unit", "period", "month"]
#: an exact figure written to this many significant digits or more is a precise report, not a rounding
PRECISE_DIGITS = 3


@lru_cache(maxsize=1)
def dated_measures() -> frozenset[str]:
    """The measures whose figures hold at a date (``dated.csv``)."""
    return frozenset(r["measure"] for r in lexicon.read_rows("dated.csv", Path(__file__).parent))


def month_of(date: object) -> str:
    """'2025-01-27' and '2025-01' -> '2025-01'; a year alone, nothing or a malformed date -> '' (no month known)."""
    parts = str(date if isinstance(date, str) else "").split("-")
    ok = len(parts) >= 2 and len(parts[0]) == 4 and parts[0].isdigit() and parts[1].isdigit() and 1 <= int(parts[1]) <= 12
    return f"{parts[0]}-{int(parts[1]):02d}" if ok else ""


def _candidates(df: pd.DataFrame) -> pd.DataFrame:
    """The rows the source check may compare, with ``period`` and ``month`` ('' unless the measure is dated)."""
    d = df[df["organisation"].ne("") & df["measure"].ne("other")].copy()
    for column in ("period", "date"):
        d[column] = d[column].fillna("").astype(str) if column in d else ""
    dated = d["measure"].isin(dated_measures())
    d["month"] = d["date"].map(month_of).where(dated, "")
    return d.assign(undated=dated & d["month"].eq(""))


def disagreements(df: pd.DataFrame, min_articles: int = 2) -> pd.DataFrame:
    """Rows of every topic (organisation and model, measure, unit, period, month) that two or more articles report.

    Different models of one organisation (Google's Transformer and Gemini) are no disagreement; nor are figures of a
    dated measure from different months, and those of an article without a month are compared with none."""
    d = _candidates(df)
    d = d[~d["undated"]]
    n = d.groupby(TOPIC)["article"].transform("nunique")
    return d[n >= min_articles].drop(columns="undated")


def undated(df: pd.DataFrame, min_articles: int = 2) -> pd.DataFrame:
    """Facts of a dated measure left out of the comparison because their article has no month, on a topic (any
    month) that two or more articles report: what the notes count, so nobody reads their absence as agreement."""
    d = _candidates(df)
    n = d.groupby(TOPIC[:-1])["article"].transform("nunique")
    return facts(d[d["undated"] & (n >= min_articles)])


def digits(value: float) -> int:
    """Significant digits a figure is written to: 1.473,7 Mio. -> 5, 1,47 Mrd. -> 3, 500 Mrd. -> 1."""
    mantissa = f"{abs(float(value)):.12g}".split("e")[0].replace(".", "").strip("0")
    return max(len(mantissa), 1)


def _end(r: pd.Series) -> float:
    return float(r["value_high"]) if pd.notna(r["value_high"]) else float(r["value"])


def same_fact(top: pd.Series, r: pd.Series) -> bool:
    """Whether ``r`` (not smaller) reports the same fact as ``top``, the largest figure of a group so far."""
    lo, hi = _end(top), float(r["value"])
    if hi <= lo:
        return True
    if lo <= 0 or hi > lo * SAME_FIGURE:
        return False
    precise = all(x["qualifier"] == "exact" and digits(x["value"]) >= PRECISE_DIGITS for x in (top, r))
    return not precise or hi <= lo * (1 + ROUNDED_REPEAT)


def same_facts(f: pd.DataFrame) -> list[list]:
    """The facts of a topic grouped by the fact they claim (their index labels), smallest figures first."""
    groups: list[list] = []
    top = None
    for i, r in f.sort_values(["value", "article"], kind="stable").iterrows():
        if top is not None and same_fact(top, r):
            groups[-1].append(i)
            top = r if _end(r) > _end(top) else top
        else:
            groups.append([i])
            top = r
    return groups


def in_range(g: pd.DataFrame) -> pd.DataFrame:
    """The facts of a topic that claim the fact most articles report: what its headline's range and counts cover
    (then the fact with most figures, then the larger)."""
    f = facts(g)
    if len(f) < 2:
        return f
    best = max(same_facts(f), key=lambda ix: (f.loc[ix, "article"].nunique(), len(ix), f.loc[ix, "value"].max()))
    return f.loc[best]


def _prominence(item: tuple[tuple, pd.DataFrame]) -> tuple:
    """How prominent a topic is: the articles that report it, then its facts in range, then the widest range."""
    key, g = item
    f = in_range(g)
    spread = float(f["value_high"].fillna(f["value"]).max() / f["value"].min()) if f["value"].min() > 0 else 0.0
    return f["article"].nunique(), len(f), spread, key


def by_prominence(rows: pd.DataFrame) -> list[tuple[tuple, pd.DataFrame]]:
    """The topics, the most prominent first: the chart opens with the topic its headline states."""
    return sorted(rows.groupby(TOPIC, sort=True), key=_prominence, reverse=True)


def headline_topic(rows: pd.DataFrame) -> tuple[tuple, pd.DataFrame, int]:
    """(topic key, its facts in range, how many of its facts are out of range) of the topic the headline states:
    the one most articles report, then the one with most facts in range, then the widest range."""
    key, g = max(rows.groupby(TOPIC, sort=True), key=_prominence)
    f = in_range(g)
    return key, f, len(facts(g)) - len(f)


def _number(x: float, unit: str, locale: str, decimals: int) -> str:
    if is_money(unit):
        return numfmt.money(x, unit, locale, decimals)
    if unit in ("percent", "percentage_points"):
        return numfmt._digits(x, locale, decimals) + ("\u00a0%" if locale == "de" else "%")
    return numfmt.number(x, locale, decimals)


def span_texts(f: pd.DataFrame, unit: str, locale: str) -> tuple[str, str]:
    """(lowest, highest) of a topic's facts as its headline writes them ('mind. 1,47 Mrd. CHF', '1,5 Mrd. CHF'):
    with a decimal more while the two different figures would read alike ("von 1,5 bis 1,5 Mrd. CHF")."""
    low = f.loc[f["value"].idxmin()]
    ends = f["value_high"].fillna(f["value"])
    high = f.loc[ends.idxmax()]
    lo, hi = float(low["value"]), float(ends.max())
    for decimals in (1, 2, 3):
        a, b = _number(lo, unit, locale, decimals), _number(hi, unit, locale, decimals)
        if a != b or math.isclose(lo, hi):
            break
    a = PREFIX[locale].get(low["qualifier"], "") + a
    return a, b if pd.notna(high["value_high"]) else PREFIX[locale].get(high["qualifier"], "") + b


def title(rows: pd.DataFrame, locale: str) -> tuple[str, int]:
    """(the source check's headline, how many facts of its topic are out of its range) over the drawn ``rows``:
    '3 Artikel, 3 Angaben zu Nvidias Börsenwert im Okt. 2025: von 4,5 Bio. $ bis mind. 5 Bio. $', one value when
    the range is one ('2 articles, 2 figures on OpenAI GPT-4's training cost: $78M'), counts in singular or plural."""
    from .provenance import date_text
    from .selection import who
    from .style import count, genitive, label, text

    (org, model, measure, unit, _period, month), g, apart = headline_topic(rows)
    low, high = span_texts(g, unit, locale)
    name = who(f"{org}{SEP}{model}" if model else org, locale)
    fields = {"n_articles": count("n_articles", g["article"].nunique(), locale),
              "n_figures": count("n_figures", len(g), locale), "org_genitive": genitive(name, locale),
              "measure": label(measure, locale), "measure_lower": label(measure, locale).lower(),
              "when": text("title_source_check_when", locale, month=date_text(month, locale)) if month else ""}
    if low == high:
        return text("title_source_check_same", locale, value=low, **fields), apart
    return text("title_source_check", locale, low=low, high=high, **fields), apart
