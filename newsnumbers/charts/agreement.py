"""The source check's topics, and the one its headline speaks of (chart 06).

Why its own module: the headline used to state the topic with the widest spread, and
on a real corpus the widest spread is a misread ("Nvidias Börsenwert: von 162,9 $ bis
5 Bio. $", a share price read as a market value). A careful desk leads with the figure
the most articles report and states the range the articles give, leaving a figure
that lies more than an order of magnitude from the others to the chart and a note.
"""
from __future__ import annotations

import pandas as pd

from .layout import facts

#: what makes figures one topic of the source check: one organisation and model, one measure, unit and period
TOPIC = ["organisation", "model", "measure", "unit", "period"]
#: a figure further than this factor from the median of its topic's figures is not part of the headline's range
APART = 10.0
#: the fewest figures whose median can single one out (of two, neither is the odd one)
MIN_FOR_MEDIAN = 3


def disagreements(df: pd.DataFrame, min_articles: int = 2) -> pd.DataFrame:
    """Rows of every topic (organisation and model, measure, unit, period) that two or more articles report.

    Different models of one organisation (Google's Transformer and Gemini) are no disagreement."""
    d = df[df["organisation"].ne("") & df["measure"].ne("other")].copy()
    if "period" not in d:
        d["period"] = ""
    d["period"] = d["period"].fillna("").astype(str)
    n = d.groupby(TOPIC)["article"].transform("nunique")
    return d[n >= min_articles].copy()


def in_range(g: pd.DataFrame) -> pd.DataFrame:
    """The facts of a topic within ``APART`` of their median: what its headline's range and counts cover."""
    f = facts(g)
    if len(f) < MIN_FOR_MEDIAN:
        return f
    mid = float(f["value"].median())
    if mid <= 0:
        return f
    top = f["value_high"].fillna(f["value"])
    return f[(f["value"] * APART >= mid) & (top <= mid * APART)]


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
