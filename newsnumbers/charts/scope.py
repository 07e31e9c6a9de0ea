"""A chart's analytic parameters: whom it is about (``focus``), whom it sets against (``compare``),
which measures, which dates, and in which currency.

Why one object: every chart notebook takes the same parameters, ``notebook.build``
passes them on, and the builders, the currency conversion and the headline rules
all read them from here, so a parameter means the same in every chart.
"""
from __future__ import annotations

import calendar
import datetime as dt
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from ..sources import FILE_NAME, read_sources
from . import money


def _items(value: str | list[str] | tuple[str, ...] | None) -> tuple[str, ...]:
    """'OpenAI, Google' or a list -> ('OpenAI', 'Google'); empty for None or ''."""
    if value is None:
        return ()
    items = value.split(",") if isinstance(value, str) else list(value)
    return tuple(x.strip() for x in items if x and x.strip())


def day(text: str, last: bool = False) -> dt.date | None:
    """'2025', '2025-01' or '2025-01-27' -> its first day (``last``: its last day); None for ''."""
    if not text:
        return None
    parts = [int(p) for p in str(text).split("-")]
    if len(parts) == 1:
        return dt.date(parts[0], 12, 31) if last else dt.date(parts[0], 1, 1)
    if len(parts) == 2:
        return dt.date(parts[0], parts[1], calendar.monthrange(parts[0], parts[1])[1] if last else 1)
    return dt.date(*parts)


@dataclass(frozen=True)
class Scope:
    """The analytic parameters of one chart (all optional; the defaults tell the seeds' story)."""

    focus: str = "DeepSeek"
    compare: tuple[str, ...] = ()
    measures: tuple[str, ...] = ()
    date_from: str = ""
    date_to: str = ""
    convert: bool = True
    currency: str = "USD"
    rate_date: str = ""
    dates: dict[str, dt.date | None] = field(default_factory=dict, compare=False)

    @classmethod
    def of(cls, focus: str = "DeepSeek", compare=None, measures=None, date_from: str = "", date_to: str = "",
           convert: bool = True, currency: str = "USD", rate_date: str = "") -> Scope:
        """A scope from notebook parameters; bad values raise with the parameter's name."""
        for name, value in (("date_from", date_from), ("date_to", date_to), ("rate_date", rate_date)):
            try:
                day(value)
            except (ValueError, TypeError) as exc:
                raise ValueError(f"{name} must be YYYY, YYYY-MM or YYYY-MM-DD, not {value!r}") from exc
        if convert and not money.known(currency):
            raise ValueError(f"currency {currency!r} has no ECB reference rate")
        return cls(focus or "", _items(compare), _items(measures), date_from or "", date_to or "", bool(convert),
                   currency, rate_date or "")

    def measures_or(self, default: list[str]) -> list[str]:
        """The chart's measures: the ``measures`` parameter when given, else the chart's own."""
        return list(self.measures) or list(default)

    def default_day(self) -> dt.date:
        """The stated rate date for articles without one: ``rate_date``, else the newest day of the ECB data."""
        return day(self.rate_date) or money.last_date()


def article_dates(articles: list[str], seeds_dir: str | Path | None) -> dict[str, dt.date | None]:
    """Article -> its date from sources.csv (first day of a month or year given alone); None when unknown."""
    path = Path(seeds_dir) / FILE_NAME if seeds_dir else None
    if path is None or not path.exists():
        return {a: None for a in articles}
    rows, _ = read_sources(path)  # problems are reported once, by the source line (sources.outlets)
    return {a: day(rows[a][1].get("date", "")) if a in rows else None for a in articles}


def in_dates(df: pd.DataFrame, scope: Scope, seeds_dir: str | Path | None) -> tuple[pd.DataFrame, Scope]:
    """Rows whose article's date lies in [date_from, date_to], and the scope with the articles' dates.

    A range applies only when the sources have dates; an undated article is then left
    out, and a line on stderr names it (a range is a choice, never a silent drop).
    """
    dates = article_dates(sorted(df["article"].unique()), seeds_dir)
    scope = Scope(**{**scope.__dict__, "dates": dates})
    if not (scope.date_from or scope.date_to) or not any(dates.values()):
        return df, scope
    lo, hi = day(scope.date_from) or dt.date.min, day(scope.date_to, last=True) or dt.date.max
    keep = set()
    for article, when in dates.items():
        if when is None:
            print(f"note: {article} has no date in {FILE_NAME}; left out of the range {scope.date_from}–{scope.date_to}",
                  file=sys.stderr)
        elif lo <= when <= hi:
            keep.add(article)
    return df[df["article"].isin(keep)], scope
