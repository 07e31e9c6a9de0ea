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

from . import agreement, compare
from .agreement import by_prominence, disagreements, undated
from .common import NoData, require, row_label, source_line, source_name
from .compare import SEP
from .market import market_title
from .plots import bar_plot, dot_plot, value_label
from .provenance import TRACE, date_text, ensure
from .scope import Scope, in_dates
from .selection import EXTRA, by_currency, conversion_note, describe_first, is_money_rows, money_words, per_million_tokens, prepare, who
from .style import MUTED, ChartMeta, count, label, new_figure, new_panels, text

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
        def builder(df: pd.DataFrame, locale: str = "de", seeds_dir=None, scope: Scope | None = None) -> Chart:
            df = ensure(df, seeds_dir, locale)  # outlet, date, ids and offsets for labels and the chart CSV
            return build(name, df, locale, seeds_dir, scope or Scope())
        CHARTS[name] = builder
        return builder
    return register


def _alt(kind: str, rows: pd.DataFrame, locale: str, scale_note: str = "") -> str:
    items = "; ".join(f"{r['label'].replace(chr(10), ', ')}: {value_label(r, locale)}" for _, r in rows.iterrows())
    return f"{kind}{scale_note}. {items}."


def _notes(rows: pd.DataFrame, locale: str, log: bool, scope: Scope | None = None) -> str:
    parts = []
    if rows["qualifier"].ne("exact").any():
        parts.append(label("note_bounds", locale))
    if log:
        text = label("log_scale", locale)
        parts.append(text[0].upper() + text[1:] + ".")
    if scope is not None:
        parts.append(conversion_note(rows, scope, locale))
    parts = [p for p in parts if p]
    return ". ".join(p.rstrip(".") for p in parts) + ("." if parts else "")


def _dot_chart(name: str, rows: pd.DataFrame, title: str, subtitle: str, locale: str, seeds_dir, scope: Scope,
               size: str = "standard", main_measure: str = "") -> Chart:
    """One dot chart, or one panel per currency when amounts are kept as written (``convert=False``)."""
    def lab(r: pd.Series) -> str:
        extra = "" if not main_measure or r["measure"] == main_measure else f"\n{label(r['measure'], locale)}"
        return row_label(r, locale) + extra
    rows = rows.assign(label=rows.apply(lab, axis=1)).sort_values(["value", "label"], ascending=[False, True])
    panels = by_currency(rows)
    if len(panels) == 1:
        fig, ax = new_figure("tall" if len(rows) > 9 else size)
        axes = [ax]
    else:
        fig, axes = new_panels([len(p) for p in panels], max(4.8, 1.2 + 0.42 * len(rows) + 0.6 * len(panels)))
    log = False
    for ax, part in zip(axes, panels):
        log |= dot_plot(ax, part, locale)
        if len(panels) > 1:
            ax.set_title(label(part["unit"].iloc[0], locale), loc="left", fontsize=9, fontweight="bold", color=MUTED)
    rows = pd.concat(panels)
    sub = subtitle.format(money=money_words(rows, scope, locale)) + (f" ({label('log_scale', locale)})" if log else "")
    kind = label("kind_dots", locale)
    meta = ChartMeta(name, title, sub, _notes(rows, locale, log, scope), source_line(rows, locale, seeds_dir),
                     _alt(kind, rows, locale, f", {label('log_scale', locale)}" if log else ""), locale)
    return Chart(fig, meta, rows[DRAWN + EXTRA].reset_index(drop=True))


def _side(p: compare.Pair, focus: bool, locale: str) -> tuple[str, str]:
    """(name, '5,6–6 Mio. $') of the focus side; the other side by the end the ratio holds against
    ('mind. 78 Mio. $' when it is the larger side and its facts differ), so no bound is hidden in a span."""
    if focus:
        return who(p.focus_name, locale), compare.span(p.focus, locale)
    rows = p.other
    if rows["value"].nunique() == 1 and rows["qualifier"].isin(["exact", "approx"]).all():
        return who(p.other_name, locale), value_label(rows.iloc[0], locale)
    end = {"value": compare.highest(rows) if p.focus_larger else compare.lowest(rows), "value_high": float("nan"),
           "unit": rows["unit"].iloc[0], "qualifier": "upper_bound" if p.focus_larger else "lower_bound"}
    return who(p.other_name, locale), value_label(pd.Series(end), locale)


# -- 02 ------------------------------------------------------------------------
@chart("02_training_costs")
def training_costs(name: str, df: pd.DataFrame, locale: str, seeds_dir, scope: Scope) -> Chart:
    measures = scope.measures_or(["training_cost", "model_spending", "infrastructure_cost"])
    rows, scope = prepare(df, measures, scope, seeds_dir)
    rows = require(rows, measures, locale)
    train = rows[rows["measure"] == "training_cost"]
    p = compare.pair(train, scope.focus, scope.compare, with_model=True) if len(train) else None
    if p is None:
        title = describe_first(rows, ["training_cost", *measures], locale)
    else:
        (focus, fspan), (other, ospan) = _side(p, True, locale), _side(p, False, locale)
        if p.focus_larger:
            title = text(compare.times_key("title_training_more", p.ratio), locale, focus=focus, span=fspan, other=other,
                         other_value=ospan, ratio=compare.at_least(p.ratio, locale), margin=compare.more_than(p.ratio, locale))
        else:
            title = text("title_training_less", locale, focus=focus, span=fspan, other=other, other_value=ospan,
                         share=compare.share(p.ratio, locale))
    subtitle = label("subtitle_training", locale)
    return _dot_chart(name, rows, title, subtitle, locale, seeds_dir, scope, main_measure="training_cost")


# -- 03 ------------------------------------------------------------------------
def token_price_ratio(df: pd.DataFrame, scope: Scope | None = None) -> tuple[pd.Series, pd.Series, float] | None:
    """(a row of the dearer side, a row of the cheaper side, at-least ratio) among alike per-million-token prices,
    or None when no two alike prices of different sellers are in the table."""
    rows, scope = prepare(df, ["price_per_million_tokens"], scope or Scope(), None, prefix=True)
    p = compare.pair(per_million_tokens(rows), scope.focus, scope.compare, with_model=True)
    if p is None:
        return None
    dear, cheap = (p.focus, p.other) if p.focus_larger else (p.other, p.focus)
    return dear.iloc[0], cheap.iloc[0], p.ratio


def _direction(row: pd.Series) -> str:
    """'input', 'output', 'cached' or '' (a price per million tokens that names no direction)."""
    return str(row["measure"]).removeprefix("price_per_million_tokens").lstrip("_")


def _price_label(row: pd.Series, locale: str) -> str:
    """'Anthropic Claude Haiku 4.5 (Eingabe) · z09_verticalapi': a model's input and output prices are two bars, and
    a reader must see which is which."""
    kind = _direction(row)
    who_, _, source = row_label(row, locale).partition(" · ")
    return f"{who_} ({label('direction_' + kind, locale)}) · {source}" if kind else row_label(row, locale)


@chart("03_token_prices")
def token_prices(name: str, df: pd.DataFrame, locale: str, seeds_dir, scope: Scope) -> Chart:
    measures = scope.measures_or(["price_per_million_tokens"])
    rows, scope = prepare(df, measures, scope, seeds_dir, prefix=True)
    rows = require(per_million_tokens(rows), measures, locale)
    p = compare.pair(rows, scope.focus, scope.compare, with_model=True)
    rows = rows.assign(label=rows.apply(lambda r: _price_label(r, locale), axis=1)).sort_values(["value", "label"], ascending=[False, True])
    panels = by_currency(rows)
    fig, axes = (new_figure()[0], None) if len(panels) == 1 else new_panels([len(x) for x in panels], 4.8 + 0.4 * len(rows))
    for ax, part in zip(axes or fig.axes, panels):
        bar_plot(ax, part, locale)
    rows = pd.concat(panels)
    ratio = round(p.ratio, 6) if p else float("nan")
    if p is None:
        title, notes = describe_first(rows, measures, locale, prefix=True), ""
    else:
        (focus, fspan), (other, ospan) = _side(p, True, locale), _side(p, False, locale)
        dear, cheap = ((focus, fspan), (other, ospan)) if p.focus_larger else ((other, ospan), (focus, fspan))
        names = {"dear": dear[0], "cheap": cheap[0], "ratio": compare.at_least(p.ratio, locale), "margin": compare.more_than(p.ratio, locale),
                 "dear_value": dear[1], "cheap_value": cheap[1], "tokens": label("tokens_" + _direction(p.focus.iloc[0]), locale)}
        title, notes = text(compare.times_key("title_prices", p.ratio), locale, **names), text("notes_prices", locale, **names)
    notes = " ".join(x for x in (notes, conversion_note(rows, scope, locale) + ("." if conversion_note(rows, scope, locale) else "")) if x)
    subtitle = label("subtitle_prices", locale).format(money=money_words(rows, scope, locale))
    kind = label("kind_bars", locale)
    meta = ChartMeta(name, title, subtitle, notes, source_line(rows, locale, seeds_dir), _alt(kind, rows, locale), locale)
    data = rows[DRAWN + EXTRA].reset_index(drop=True).assign(ratio_dearest_to_cheapest=ratio)
    return Chart(fig, meta, data)


# -- 04 ------------------------------------------------------------------------
@chart("04_investments")
def investments(name: str, df: pd.DataFrame, locale: str, seeds_dir, scope: Scope) -> Chart:
    measures = scope.measures_or(["investment", "funding"])
    rows, scope = prepare(df, measures, scope, seeds_dir)
    rows = require(rows, measures, locale)
    main = rows[rows["measure"] == measures[0]]
    p = compare.pair(main, scope.focus, scope.compare, with_model=False) if len(main) else None
    if p is None:
        title = describe_first(rows, measures, locale)
    else:
        big, small = (_side(p, True, locale), _side(p, False, locale))
        if not p.focus_larger:
            big, small = small, big
        title = text(compare.times_key("title_investments", p.ratio), locale, top=big[0], top_value=big[1], low=small[0],
                     low_value=small[1], ratio=compare.at_least(p.ratio, locale), margin=compare.more_than(p.ratio, locale))
    subtitle = label("subtitle_investments", locale)
    return _dot_chart(name, rows, title, subtitle, locale, seeds_dir, scope, main_measure=measures[0])


# -- 05 ------------------------------------------------------------------------
@chart("05_market_reaction")
def market_reaction(name: str, df: pd.DataFrame, locale: str, seeds_dir, scope: Scope) -> Chart:
    money_m = [m for m in scope.measures_or(["market_value_loss", "market_cap", "share_price"]) if not m.startswith("share_price_")]
    pct_m = ["share_price_drop", "share_price_gain"]
    rows, scope = prepare(df, money_m + pct_m, scope, seeds_dir, money_only=None)
    money_rows = rows[is_money_rows(rows) & rows["measure"].isin(money_m)]
    pct_rows = rows[rows["unit"].eq("percent") & rows["measure"].isin(pct_m)]
    require(pd.concat([money_rows, pct_rows]), money_m + pct_m, locale)
    panels = [*by_currency(money_rows), pct_rows] if len(money_rows) else [pct_rows]
    panels = [x for x in panels if not x.empty]
    fig, axes = new_panels([max(len(x), 1) for x in panels], 4.8 if len(panels) == 1 else 6.4)
    drawn, logs = [], False
    for ax, part in zip(axes, panels):
        part = part.assign(label=part.apply(lambda r: f"{row_label(r, locale)}\n{label(r['measure'], locale)}", axis=1))
        part = part.sort_values(["value", "label"], ascending=[False, True])
        logs |= dot_plot(ax, part, locale)
        drawn.append(part)
    rows = pd.concat(drawn)
    title = market_title(rows, scope, locale)
    subtitle = text("subtitle_market_two" if len(panels) > 1 else "subtitle_market_one", locale,
                    money=money_words(rows[is_money_rows(rows)], scope, locale))
    if logs:
        subtitle += f" ({label('log_scale', locale)})"
    kind = label("kind_dots", locale)
    meta = ChartMeta(name, title, subtitle, _notes(rows, locale, logs, scope),
                     source_line(rows, locale, seeds_dir), _alt(kind, rows, locale), locale)
    return Chart(fig, meta, rows[DRAWN + EXTRA].reset_index(drop=True))


# -- 06 ------------------------------------------------------------------------
MAX_SOURCE_PANELS = 10  # the most reported topics; the explorer (07) lists every figure


@chart("06_source_check")
def source_check(name: str, df: pd.DataFrame, locale: str, seeds_dir, scope: Scope) -> Chart:
    df, scope = in_dates(df, scope, seeds_dir)
    rows = disagreements(df)
    if rows.empty:
        raise NoData("organisation+measure reported by two or more articles" if locale == "en"
                     else "Organisation+Messgröße in mindestens zwei Artikeln",
                     "no organisation+measure reported by two or more articles")
    groups = by_prominence(rows)  # the headline's topic first
    hidden, groups = len(groups[MAX_SOURCE_PANELS:]), groups[:MAX_SOURCE_PANELS]  # a graphic, not the whole table
    rows = pd.concat([g for _, g in groups])
    fig, axes = new_panels([len(g) for _, g in groups], max(4.8, 1.0 + 1.1 * len(rows) / 2 + 0.6 * len(groups)))
    drawn = []
    for ax, ((org, model, measure, _unit, _period, month), g) in zip(axes, groups):
        g = g.assign(label=g.apply(source_name, axis=1) + " · " + label("quote_open", locale)  # the locale's quotes
                     + g["quote"].map(lambda q: q if len(q) <= 32 else q[:31] + "…") + label("quote_close", locale))
        g = g.sort_values(["article", "value"])
        dot_plot(ax, g, locale, colour_by="article", log=False)
        topic = [who(org + SEP + model if model else org, locale), label(measure, locale), date_text(month, locale)]
        ax.set_title(" · ".join(x for x in topic if x), loc="left", fontsize=9, fontweight="bold", color=MUTED)
        drawn.append(g)
    rows = pd.concat(drawn)
    title, apart = agreement.title(rows, locale)
    left_out = len(undated(df))
    notes = [_notes(rows, locale, False), count("note_apart", apart, locale) if apart else "",
             label("note_dated", locale) if rows["month"].ne("").any() or left_out else "",
             count("note_undated", left_out, locale) if left_out else "",
             count("note_more_topics", hidden, locale) if hidden else ""]
    subtitle = text("subtitle_source_check", locale)
    kind = label("kind_panels", locale)
    meta = ChartMeta(name, title, subtitle, " ".join(x for x in notes if x), source_line(rows, locale, seeds_dir),
                     _alt(kind, rows, locale), locale)
    return Chart(fig, meta, rows[DRAWN + ["period", "month"]].reset_index(drop=True))
