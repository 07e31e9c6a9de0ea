"""One function per chart notebook: select the rows, compute the finding, draw, describe.

Each returns a ``Chart`` (figure, metadata, the data drawn) or raises
``NoData`` with a clear message. Headlines are computed from the table,
never typed: a new article changes them.
"""
from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass

import matplotlib.pyplot as plt
import pandas as pd

from . import numfmt
from .common import NoData, require, row_label, select, source_line, source_name
from .plots import bar_plot, dot_plot, value_label
from .provenance import TRACE, ensure
from .style import MUTED, ChartMeta, label, new_figure, new_panels, text

DRAWN = ["label", *TRACE, "quote", "sentence", "value", "value_high", "unit", "per", "qualifier", "measure",
         "organisation", "model"]


@dataclass
class Chart:
    figure: plt.Figure
    meta: ChartMeta
    data: pd.DataFrame


#: chart name (the notebook's file name, the files in figures/) -> its builder: the one place a chart is named
CHARTS: dict[str, Callable[..., Chart]] = {}


def chart(name: str) -> Callable[[Callable[..., Chart]], Callable[..., Chart]]:
    """Register a builder under ``name``; the builder receives the name, so no other code types it."""
    def register(build: Callable[..., Chart]) -> Callable[..., Chart]:
        @functools.wraps(build)
        def builder(df: pd.DataFrame, locale: str = "de", seeds_dir=None) -> Chart:
            df = ensure(df, seeds_dir, locale)  # outlet, date, ids and offsets for labels and the chart CSV
            return build(name, df, locale, seeds_dir)
        CHARTS[name] = builder
        return builder
    return register


def _alt(kind: str, rows: pd.DataFrame, locale: str, scale_note: str = "") -> str:
    items = "; ".join(f"{r['label'].replace(chr(10), ', ')}: {value_label(r, locale)}" for _, r in rows.iterrows())
    return f"{kind}{scale_note}. {items}."


def _notes(rows: pd.DataFrame, locale: str, log: bool) -> str:
    parts = []
    if rows["qualifier"].ne("exact").any():
        parts.append(label("note_bounds", locale))
    if log:
        text = label("log_scale", locale)
        parts.append(text[0].upper() + text[1:] + ".")
    return ". ".join(p.rstrip(".") for p in parts) + ("." if parts else "")


def _dot_chart(name: str, rows: pd.DataFrame, title: str, subtitle: str, locale: str, seeds_dir,
               size: str = "standard", main_measure: str = "") -> Chart:
    def lab(r: pd.Series) -> str:
        extra = "" if not main_measure or r["measure"] == main_measure else f"\n{label(r['measure'], locale)}"
        return row_label(r, locale) + extra
    rows = rows.assign(label=rows.apply(lab, axis=1)).sort_values(["value", "label"], ascending=[False, True])
    fig, ax = new_figure("tall" if len(rows) > 9 else size)
    log = dot_plot(ax, rows, locale)
    sub = subtitle + (f" ({label('log_scale', locale)})" if log else "")
    kind = label("kind_dots", locale)
    meta = ChartMeta(name, title, sub, _notes(rows, locale, log), source_line(rows, locale, seeds_dir),
                     _alt(kind, rows, locale, f", {label('log_scale', locale)}" if log else ""), locale)
    return Chart(fig, meta, rows[DRAWN].reset_index(drop=True))


def _span(lo: float, hi: float, locale: str, unit: str = "USD") -> str:
    """'5,6–6 Mio. $' / '$5.6M–$6M'; a single value when both ends agree."""
    if lo == hi:
        return numfmt.money(hi, unit, locale)
    if locale == "de":
        a, b = numfmt.money(lo, unit, locale).split("\u00a0", 1), numfmt.money(hi, unit, locale).split("\u00a0", 1)
        return f"{a[0]}–{b[0]}\u00a0{b[1]}" if a[1] == b[1] else f"{numfmt.money(lo, unit, locale)} bis {numfmt.money(hi, unit, locale)}"
    return f"{numfmt.money(lo, unit, locale)}–{numfmt.money(hi, unit, locale)}"


def _who(org: str, model: str, locale: str = "en") -> str:
    orgs = ", ".join(label(o, locale) for o in org.split("|") if o)
    return " ".join(x for x in (orgs, model) if x)


# -- 02 ------------------------------------------------------------------------
@chart("02_training_costs")
def training_costs(name: str, df: pd.DataFrame, locale: str = "de", seeds_dir=None) -> Chart:
    measures = ["training_cost", "model_spending", "infrastructure_cost"]
    rows = require(select(df, measures, money=True), measures, locale)
    train = rows[rows["measure"] == "training_cost"]
    title = label("training_cost", locale)
    if train["organisation"].nunique() >= 2:
        by_org = train.groupby("organisation")["value"]
        cheap_org = by_org.max().idxmin()
        cheap = train[train["organisation"] == cheap_org]
        dear = train[train["organisation"] != cheap_org]
        dear_org = dear.groupby("organisation")["value"].min().idxmax()
        dear = dear[dear["organisation"] == dear_org]
        # conservative: the lowest figure of the dearer side over the highest of the cheaper side
        k = dear["value"].min() / cheap["value"].max()
        model = dear["model"].mode().iloc[0] if dear["model"].ne("").any() else ""
        lo, hi = cheap["value"].min(), cheap["value"].max()
        span = _span(lo, hi, locale)
        title = text("title_training", locale, cheap_org=_who(cheap_org, "", locale), span=span,
                     ratio=numfmt.ratio(k, locale), dear=_who(dear_org, model, locale))
    subtitle = text("subtitle_training", locale)
    return _dot_chart(name, rows, title, subtitle, locale, seeds_dir, main_measure="training_cost")


# -- 03 ------------------------------------------------------------------------
def token_price_ratio(df: pd.DataFrame) -> tuple[pd.Series, pd.Series, float]:
    """(dearest row, cheapest row, ratio) among per-million-token prices in one currency."""
    rows = select(df, ["price_per_million_tokens"], prefix=True, money=True)
    rows = rows[rows["per"].str.contains("tokens")]
    if rows.empty:
        raise NoData("price_per_million_tokens", "no rows for measure price_per_million_tokens (per million tokens)")
    rows = rows[rows["unit"] == rows["unit"].mode().iloc[0]]
    dear, cheap = rows.loc[rows["value"].idxmax()], rows.loc[rows["value"].idxmin()]
    return dear, cheap, float(dear["value"] / cheap["value"])


@chart("03_token_prices")
def token_prices(name: str, df: pd.DataFrame, locale: str = "de", seeds_dir=None) -> Chart:
    measures = ["price_per_million_tokens"]
    rows = require(select(df, measures, prefix=True, money=True), measures, locale)
    rows = rows[rows["per"].str.contains("tokens")]
    require(rows, measures, locale)
    dear, cheap, k = token_price_ratio(df)
    rows = rows.assign(label=rows.apply(lambda r: row_label(r, locale), axis=1)).sort_values(["value", "label"], ascending=[False, True])
    fig, ax = new_figure()
    bar_plot(ax, rows, locale)
    names = {"dear": _who(dear["organisation"], dear["model"], locale),
             "cheap": _who(cheap["organisation"], cheap["model"], locale), "ratio": numfmt.ratio(k, locale),
             "dear_value": numfmt.money(dear["value"], dear["unit"], locale),
             "cheap_value": numfmt.money(cheap["value"], cheap["unit"], locale)}
    title = text("title_prices", locale, **names)
    subtitle = text("subtitle_prices", locale)
    notes = text("notes_prices", locale, **names)
    kind = label("kind_bars", locale)
    meta = ChartMeta(name, title, subtitle, notes, source_line(rows, locale, seeds_dir),
                     _alt(kind, rows, locale), locale)
    data = rows[DRAWN].reset_index(drop=True).assign(ratio_dearest_to_cheapest=round(k, 6))
    return Chart(fig, meta, data)


# -- 04 ------------------------------------------------------------------------
@chart("04_investments")
def investments(name: str, df: pd.DataFrame, locale: str = "de", seeds_dir=None) -> Chart:
    measures = ["investment", "funding"]
    rows = require(select(df, measures, money=True), measures, locale)
    top = rows.loc[rows["value"].idxmax()]
    named = rows[~rows["organisation"].isin(["", "AI industry", "global"])]
    low = (named if len(named) else rows).sort_values("value").iloc[0]
    k = top["value"] / low["value"]
    title = text("title_investments", locale, top=_who(top["organisation"], "", locale),
                 top_value=value_label(top, locale), ratio=numfmt.ratio(k, locale),
                 low=_who(low["organisation"], "", locale), low_value=value_label(low, locale))
    subtitle = text("subtitle_investments", locale)
    return _dot_chart(name, rows, title, subtitle, locale, seeds_dir, main_measure="investment")


# -- 05 ------------------------------------------------------------------------
@chart("05_market_reaction")
def market_reaction(name: str, df: pd.DataFrame, locale: str = "de", seeds_dir=None) -> Chart:
    money_m = ["market_value_loss", "market_cap", "share_price"]
    pct_m = ["share_price_drop", "share_price_gain"]
    money_rows = select(df, money_m, money=True)
    pct_rows = select(df, pct_m, money=False)
    require(pd.concat([money_rows, pct_rows]), money_m + pct_m, locale)
    panels = [p for p in (money_rows, pct_rows) if not p.empty]
    fig, axes = new_panels([max(len(p), 1) for p in panels], 4.8 if len(panels) == 1 else 6.4)
    drawn, logs = [], False
    for ax, rows in zip(axes, panels):
        rows = rows.assign(label=rows.apply(lambda r: f"{row_label(r, locale)}\n{label(r['measure'], locale)}", axis=1))
        rows = rows.sort_values(["value", "label"], ascending=[False, True])
        logs |= dot_plot(ax, rows, locale)
        drawn.append(rows)
    rows = pd.concat(drawn)
    loss = rows[rows["measure"] == "market_value_loss"]
    if not loss.empty:
        org = loss["organisation"].mode().iloc[0]
        lo, hi = loss["value"].min(), loss["value"].max()
        span = _span(lo, hi, locale)
        drop = rows[(rows["measure"] == "share_price_drop") & (rows["organisation"] == org)]
        tail = "" if drop.empty else text("title_market_tail", locale, drop=numfmt.percent(drop["value"].max(), locale))
        title = text("title_market", locale, org=_who(org, "", locale), span=span, tail=tail)
    else:
        title = label("market_cap", locale)
    subtitle = text("subtitle_market_two" if len(panels) > 1 else "subtitle_market_one", locale)
    if logs:
        subtitle += f" ({label('log_scale', locale)})"
    kind = label("kind_dots", locale)
    meta = ChartMeta(name, title, subtitle, _notes(rows, locale, logs),
                     source_line(rows, locale, seeds_dir), _alt(kind, rows, locale), locale)
    return Chart(fig, meta, rows[DRAWN].reset_index(drop=True))


# -- 06 ------------------------------------------------------------------------
def disagreements(df: pd.DataFrame, min_articles: int = 2) -> pd.DataFrame:
    """Rows of every organisation+measure (same unit) that two or more articles report."""
    d = df[df["organisation"].ne("") & df["measure"].ne("other")]
    n = d.groupby(["organisation", "measure", "unit"])["article"].transform("nunique")
    return d[n >= min_articles].copy()


@chart("06_source_check")
def source_check(name: str, df: pd.DataFrame, locale: str = "de", seeds_dir=None) -> Chart:
    rows = disagreements(df)
    if rows.empty:
        raise NoData("organisation+measure reported by two or more articles" if locale == "en"
                     else "Organisation+Messgröße in mindestens zwei Artikeln",
                     "no organisation+measure reported by two or more articles")
    groups = list(rows.groupby(["organisation", "measure", "unit"], sort=True))
    spread = {key: g["value_high"].fillna(g["value"]).max() / g["value"].min() for key, g in groups}
    fig, axes = new_panels([len(g) for _, g in groups], max(4.8, 1.0 + 1.1 * len(rows) / 2 + 0.6 * len(groups)))
    drawn = []
    for ax, ((org, measure, _unit), g) in zip(axes, groups):
        g = g.assign(label=g.apply(source_name, axis=1) + " · „"
                     + g["quote"].map(lambda q: q if len(q) <= 32 else q[:31] + "…") + "“")
        g = g.sort_values(["article", "value"])
        dot_plot(ax, g, locale, colour_by="article", log=False)
        ax.set_title(f"{org.replace('|', ', ')} · {label(measure, locale)}", loc="left", fontsize=9,
                     fontweight="bold", color=MUTED)
        drawn.append(g)
    rows = pd.concat(drawn)
    (org, measure, unit), worst = max(spread.items(), key=lambda kv: (kv[1], kv[0]))
    g = rows[(rows["organisation"] == org) & (rows["measure"] == measure)]
    low = g.loc[g["value"].idxmin()]
    high = g.loc[g["value_high"].fillna(g["value"]).idxmax()]
    lo_text = value_label(low, locale)
    hi_text = (numfmt.value(high["value_high"], unit, locale) if pd.notna(high["value_high"])
               else value_label(high, locale))
    n_art = g["article"].nunique()
    title = text("title_source_check", locale, n_articles=n_art, n_figures=len(g), org=_who(org, "", locale),
                 measure=label(measure, locale), measure_lower=label(measure, locale).lower(), low=lo_text,
                 high=hi_text)
    subtitle = text("subtitle_source_check", locale)
    kind = label("kind_panels", locale)
    meta = ChartMeta(name, title, subtitle, _notes(rows, locale, False),
                     source_line(rows, locale, seeds_dir), _alt(kind, rows, locale), locale)
    return Chart(fig, meta, rows[DRAWN].reset_index(drop=True))
